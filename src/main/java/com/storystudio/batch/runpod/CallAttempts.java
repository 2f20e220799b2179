package com.storystudio.batch.runpod;

/** What the attempts of one HTTP call have run into so far. Confined to the calling thread. */
final class CallAttempts {

    private final String operation;
    private TransientHttpFailure lastFailure;
    private int failures;
    private int unanswered;
    private String gaveUpBecause;

    CallAttempts(String operation) {
        this.operation = operation;
    }

    void failed(TransientHttpFailure failure) {
        lastFailure = failure;
        failures++;
        if (failure.mayHaveArrived()) {
            unanswered++;
        }
    }

    /** The call stops retrying before its retries ran out, for this reason. */
    void gaveUp(String reason) {
        gaveUpBecause = reason;
    }

    /** Why the call stopped early; null when it used every retry. */
    String gaveUpBecause() {
        return gaveUpBecause;
    }

    String operation() {
        return operation;
    }

    TransientHttpFailure lastFailure() {
        return lastFailure;
    }

    int failures() {
        return failures;
    }

    int unanswered() {
        return unanswered;
    }
}
