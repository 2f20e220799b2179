package com.storystudio.batch.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One stretch of time a run kept the endpoint's active worker(s).
 *
 * @param jobExecutionId the execution that held it
 * @param activeWorkers  the workersMin it kept
 * @param heldFrom       when the enable reached RunPod (or the run joined one that had)
 * @param releasedAt     when the run handed it back; empty while held, or when its process died holding it
 */
public record WorkerHold(long jobExecutionId, int activeWorkers, Instant heldFrom, Optional<Instant> releasedAt) {

    /** How long it was held, up to {@code now} for a hold not released. */
    public Duration held(Instant now) {
        Instant end = releasedAt.orElse(now);
        return end.isBefore(heldFrom) ? Duration.ZERO : Duration.between(heldFrom, end);
    }

    /** Worker seconds it kept: the time held times the workers kept. */
    public double workerSeconds(Instant now) {
        return held(now).toMillis() / 1000.0 * activeWorkers;
    }
}
