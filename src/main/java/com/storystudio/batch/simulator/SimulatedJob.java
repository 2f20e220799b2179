package com.storystudio.batch.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of one job as the simulator saw it; all instants are simulated time.
 *
 * @param inputJson  the request's {@code input} object, re-serialized from what was received
 * @param startedAt  null if no worker ever picked the job up
 * @param finishedAt null while the job is queued or running
 * @param modelLoad  the part of its execution that loads the model, paid by a worker's first job: zero on a
 *                   warm worker or for a rejected input; while it runs, the load planned at its start
 * @param error      null unless FAILED or TIMED_OUT
 * @param videoUrl   null unless COMPLETED
 */
public record SimulatedJob(String id, String inputJson, String status, Instant submittedAt, Instant startedAt,
                           Instant finishedAt, Duration modelLoad, String error, String videoUrl,
                           long executionTimeoutMs, long ttlMs) {
}
