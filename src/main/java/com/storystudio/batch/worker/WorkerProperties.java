package com.storystudio.batch.worker;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the run scales the endpoint's active worker and puts it back. Bound from the root: the names
 * were given under two prefixes, and each group is named after its prefix.
 */
@ConfigurationProperties
public record WorkerProperties(@DefaultValue Storystudio storystudio, @DefaultValue Runpod runpod) {

    /**
     * {@code storystudio.*}
     *
     * @param restoreAttempts   tries to put the endpoint's scaling back before reporting failure
     * @param restoreRetryDelay wait after the first failed restore; doubles each time
     * @param tailIdleTimeout   the endpoint's idle timeout once every scene is submitted, so that workers with
     *                          nothing left to do stop billing soon (0 leaves it at {@code runpod.idle-timeout})
     */
    public record Storystudio(
            @DefaultValue("3") int restoreAttempts,
            @DefaultValue("5s") Duration restoreRetryDelay,
            @DefaultValue("5s") Duration tailIdleTimeout) {
    }

    /**
     * {@code runpod.*}
     *
     * @param idleTimeout the endpoint's idle timeout while the run keeps its active worker
     */
    public record Runpod(@DefaultValue("300s") Duration idleTimeout) {
    }
}
