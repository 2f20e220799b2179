package com.storystudio.batch.result;

/**
 * Writes a job instance's results CSV as things stand now. The rows come from more than the results
 * table (the input's scenes, the jobs live on RunPod), which the job puts together.
 */
@FunctionalInterface
public interface ResultsCsvPublisher {

    void publish(long jobInstanceId);
}
