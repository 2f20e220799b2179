package com.storystudio.batch.ledger;

/**
 * What RunPod said of a job that ended, kept with its row.
 *
 * @param status      RunPod's own word for the end (COMPLETED, FAILED, ...); null when it said nothing
 * @param delayMs     the time the job waited in the queue (delayTime); null when not reported
 * @param executionMs the time a worker ran it (executionTime), what the GPU bills; null when not reported
 */
public record RemoteEnd(String status, Long delayMs, Long executionMs) {

    /** An end RunPod reported no timings for. */
    public static RemoteEnd of(String status) {
        return new RemoteEnd(status, null, null);
    }
}
