package com.storystudio.batch.runpod;

/**
 * One attempt that failed in a way worth retrying. {@code mayHaveArrived} is true when the request
 * may have been processed although no answer came back (a reset or timeout after sending): for
 * {@code /run} that means a job may exist that we have no id for.
 */
final class TransientHttpFailure extends RuntimeException {

    private final boolean mayHaveArrived;

    TransientHttpFailure(String message, boolean mayHaveArrived, Throwable cause) {
        super(message, cause, false, false);
        this.mayHaveArrived = mayHaveArrived;
    }

    boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}
