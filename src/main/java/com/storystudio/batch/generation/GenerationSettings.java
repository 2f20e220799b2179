package com.storystudio.batch.generation;

import java.time.Duration;

import com.storystudio.batch.runpod.JobPolicy;

/**
 * How scenes are driven through RunPod.
 *
 * @param maxInFlight    scenes submitted and watched at once (a sliding window: a finished scene
 *                       makes room for the next); 0 lets {@link InFlightLimit} derive it from the endpoint
 * @param pollInterval   the longest a job's end may go unnoticed while RunPod's counts can tell
 *                       (see {@link EndpointWatch}); a running job's {@code /status} cadence otherwise
 * @param maxPollInterval the longest wait between two {@code /status} calls for the same job
 * @param maxAttempts    remote jobs per scene and run before a transient failure becomes final
 * @param resubmitDelay  wait before the first resubmission of a scene; doubles with each further one
 * @param endpointId     the endpoint scenes run on: videos are reused only from the same endpoint
 * @param sceneDeadline  a job still queued or running this long after it was accepted is cancelled
 *                       and counted as a failed attempt
 * @param stopAfterFailures see {@link FailureBudget}; 0 turns the systematic-failure stop off
 * @param maxFailedShare    see {@link FailureBudget}
 */
public record GenerationSettings(int maxInFlight, Duration pollInterval, Duration maxPollInterval, int maxAttempts, JobPolicy policy,
                                 Duration resubmitDelay, String endpointId, Duration sceneDeadline, int stopAfterFailures, double maxFailedShare) {

    public GenerationSettings {
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("max-in-flight must be at least 1 (or 0 for the endpoint's default), was " + maxInFlight);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The settings as configured, for the job policy and endpoint of this run. */
    public static GenerationSettings of(GenerationProperties properties, JobPolicy policy, String endpointId) {
        GenerationProperties.Storystudio run = properties.storystudio();
        GenerationProperties.Runpod remote = properties.runpod();
        return new GenerationSettings(run.maxInFlight(), remote.pollInterval(), remote.maxPollInterval(), remote.maxAttempts(), policy,
                run.resubmitDelay(), endpointId, run.sceneDeadline(), run.stopAfterFailures(), run.maxFailedShare());
    }
}
