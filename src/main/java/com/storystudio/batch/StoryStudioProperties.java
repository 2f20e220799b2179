package com.storystudio.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.storystudio.batch.generation.SubmissionOrder;

/**
 * Run behaviour under {@code storystudio.*} (RunPod itself is configured under {@code runpod.*}).
 *
 * @param maxInFlight        scenes submitted and watched at once ({@code --max-in-flight}); 0 derives it
 *                           from the endpoint (see {@code generation.InFlightLimit})
 * @param resubmitDelay      wait before resubmitting a scene after a transient failure; doubles each time
 * @param resultsCsvInterval shortest time between two rewrites of the results CSV during a run
 * @param restoreAttempts    tries to put the endpoint's scaling back before reporting failure
 * @param restoreRetryDelay  wait after the first failed restore; doubles each time
 * @param heartbeatInterval  how often a running process records in the database that it is alive
 * @param heartbeatTimeout   a process on another host that has not beaten for this long is taken
 *                           for dead (on the same host the operating system is asked instead)
 * @param sceneDeadline      a remote job still queued or running this long after it was submitted
 *                           is cancelled on RunPod and counted as a failed attempt
 * @param stopAfterFailures  the run stops submitting when its first this-many attempts all failed
 * @param tailIdleTimeout    the endpoint's idle timeout once every scene is submitted, so that workers with
 *                           nothing left to do stop billing soon (0 leaves it at {@code runpod.idle-timeout})
 * @param maxFailedShare     ... or when more than this share of its finished scenes failed (looked
 *                           at once {@code stopAfterFailures} scenes have finished)
 * @param submissionOrder    which scenes go to RunPod first ({@code --submission-order}); longest first
 *                           unless asked otherwise
 */
@ConfigurationProperties("storystudio")
public record StoryStudioProperties(
        @DefaultValue("0") int maxInFlight,
        @DefaultValue("30s") Duration resubmitDelay,
        @DefaultValue("2s") Duration resultsCsvInterval,
        @DefaultValue("3") int restoreAttempts,
        @DefaultValue("5s") Duration restoreRetryDelay,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("60s") Duration heartbeatTimeout,
        @DefaultValue("90m") Duration sceneDeadline,
        @DefaultValue("5") int stopAfterFailures,
        @DefaultValue("0.5") double maxFailedShare,
        @DefaultValue("5s") Duration tailIdleTimeout,
        @DefaultValue("longest-first") SubmissionOrder submissionOrder) {
}
