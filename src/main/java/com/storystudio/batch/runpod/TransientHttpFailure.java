package com.storystudio.batch.runpod;

import java.time.Duration;

/**
 * One attempt that failed in a way worth retrying. {@code mayHaveArrived} is true when the request
 * may have been processed although no answer came back (a reset or timeout after sending): for
 * {@code /run} that means a job may exist that we have no id for. {@code pause} is how long the
 * route is held back before the retry may go (a 429's {@code Retry-After}), for the call's budget.
 */
final class TransientHttpFailure extends RuntimeException {

    private final boolean mayHaveArrived;
    private final Duration pause;

    TransientHttpFailure(String message, boolean mayHaveArrived, Throwable cause) {
        this(message, mayHaveArrived, cause, Duration.ZERO);
    }

    TransientHttpFailure(String message, boolean mayHaveArrived, Throwable cause, Duration pause) {
        super(message, cause, false, false);
        this.mayHaveArrived = mayHaveArrived;
        this.pause = pause;
    }

    boolean mayHaveArrived() {
        return mayHaveArrived;
    }

    Duration pause() {
        return pause;
    }
}
