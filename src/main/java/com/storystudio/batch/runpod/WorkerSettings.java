package com.storystudio.batch.runpod;

/** An endpoint's scaling: active workers kept running and the idle timeout (seconds). Null means unknown / leave unchanged. */
public record WorkerSettings(Integer workersMin, Integer idleTimeoutSeconds) {
}
