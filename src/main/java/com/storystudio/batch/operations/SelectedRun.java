package com.storystudio.batch.operations;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;

import com.storystudio.batch.job.RunParameters;

/**
 * One run (a job instance) and its executions, newest first.
 *
 * @param parameters those of its newest execution
 */
public record SelectedRun(JobInstance instance, List<JobExecution> executions, RunParameters parameters) {

    public long instanceId() {
        return instance.getInstanceId();
    }

    public JobExecution last() {
        return executions.get(0);
    }
}
