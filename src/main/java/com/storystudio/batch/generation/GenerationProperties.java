package com.storystudio.batch.generation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scenes are driven through RunPod. Bound from the root because the generate step's settings were
 * given under two prefixes, and their names stay as users know them: each group is named after its prefix.
 */
@ConfigurationProperties
public record GenerationProperties(@DefaultValue Storystudio storystudio, @DefaultValue Runpod runpod) {

    /**
     * {@code storystudio.*}
     *
     * @param maxInFlight       scenes submitted and watched at once ({@code --max-in-flight}); 0 derives it
     *                          from the endpoint (see {@link InFlightLimit})
     * @param resubmitDelay     wait before resubmitting a scene after a transient failure; doubles each time
     * @param sceneDeadline     a remote job still queued or running this long after it was submitted is
     *                          cancelled on RunPod and counted as a failed attempt
     * @param stopAfterFailures the run stops submitting when its first this-many attempts all failed
     * @param maxFailedShare    ... or when more than this share of its finished scenes failed (looked at
     *                          once {@code stopAfterFailures} scenes have finished)
     * @param submissionOrder   which scenes go to RunPod first ({@code --submission-order}); longest first
     *                          unless asked otherwise
     */
    public record Storystudio(
            @DefaultValue("0") int maxInFlight,
            @DefaultValue("30s") Duration resubmitDelay,
            @DefaultValue("90m") Duration sceneDeadline,
            @DefaultValue("5") int stopAfterFailures,
            @DefaultValue("0.5") double maxFailedShare,
            @DefaultValue("longest-first") SubmissionOrder submissionOrder) {
    }

    /**
     * {@code runpod.*}
     *
     * @param pollInterval    the longest a job's end goes unnoticed, as long as the endpoint's counts can tell
     * @param maxPollInterval the longest wait between two {@code /status} calls for one job
     * @param maxAttempts     remote jobs per scene and run before it is given up as FAILED (transient failures only)
     */
    public record Runpod(
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("120s") Duration maxPollInterval,
            @DefaultValue("3") int maxAttempts) {
    }
}
