package com.storystudio.batch.runpod;

/**
 * An endpoint's scaling: active workers kept running and the idle timeout (seconds). Null means unknown / leave unchanged.
 *
 * @param workersMax the most workers RunPod may run for the endpoint, as read; never sent (null when unknown)
 */
public record WorkerSettings(Integer workersMin, Integer idleTimeoutSeconds, Integer workersMax) {

    public WorkerSettings(Integer workersMin, Integer idleTimeoutSeconds) {
        this(workersMin, idleTimeoutSeconds, null);
    }
}
