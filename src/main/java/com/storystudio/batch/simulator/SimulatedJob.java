package com.storystudio.batch.simulator;

import java.time.Instant;

/**
 * A snapshot of one job as the simulator saw it; all instants are simulated time.
 *
 * @param inputJson  the request's {@code input} object, re-serialized from what was received
 * @param startedAt  null if no worker ever picked the job up
 * @param finishedAt null while the job is queued or running
 * @param error      null unless FAILED or TIMED_OUT
 * @param videoUrl   null unless COMPLETED
 */
public record SimulatedJob(String id, String inputJson, String status, Instant submittedAt, Instant startedAt,
                           Instant finishedAt, String error, String videoUrl, long executionTimeoutMs, long ttlMs) {
}
