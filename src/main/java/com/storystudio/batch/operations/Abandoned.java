package com.storystudio.batch.operations;

import java.util.Map;

/**
 * What {@code abandon} did.
 *
 * @param executionId the execution now ABANDONED
 * @param recovered   whether it was left running by a dead process and recovered first
 * @param already     whether it was ABANDONED before: nothing was changed
 * @param liveJobs    jobs of the run still live on RunPod (scene to job id), which abandoning leaves alone
 */
public record Abandoned(long executionId, boolean recovered, boolean already, Map<String, String> liveJobs) {
}
