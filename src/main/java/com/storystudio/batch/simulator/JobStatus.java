package com.storystudio.batch.simulator;

/** RunPod's job statuses, spelled as on the wire. */
enum JobStatus {
    IN_QUEUE, IN_PROGRESS, COMPLETED, FAILED, CANCELLED, TIMED_OUT;

    boolean isFinished() {
        return this != IN_QUEUE && this != IN_PROGRESS;
    }

    /** Only these may be sent back to the queue by /retry. */
    boolean isRetryable() {
        return this == FAILED || this == TIMED_OUT;
    }
}
