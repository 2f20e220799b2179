package com.storystudio.batch.simulator;

/**
 * What /status reports about a job at one moment.
 *
 * @param delayMs     simulated time spent waiting in the queue (so far, if still waiting)
 * @param executionMs simulated time spent running (so far, if still running)
 */
record JobView(String id, JobStatus status, long delayMs, long executionMs, String error, JobOutput output) {
}
