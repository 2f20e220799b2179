package com.storystudio.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Run behaviour under {@code storystudio.*} (RunPod itself is configured under {@code runpod.*}).
 *
 * @param maxInFlight        scenes submitted and watched at once ({@code --max-in-flight})
 * @param resubmitDelay      wait before resubmitting a scene after a transient failure; doubles each time
 * @param resultsCsvInterval shortest time between two rewrites of the results CSV during a run
 * @param restoreAttempts    tries to put the endpoint's scaling back before reporting failure
 * @param restoreRetryDelay  wait after the first failed restore; doubles each time
 */
@ConfigurationProperties("storystudio")
public record StoryStudioProperties(
        @DefaultValue("1") int maxInFlight,
        @DefaultValue("30s") Duration resubmitDelay,
        @DefaultValue("2s") Duration resultsCsvInterval,
        @DefaultValue("3") int restoreAttempts,
        @DefaultValue("5s") Duration restoreRetryDelay) {
}
