package com.storystudio.batch.runpod;

/** What the attempts of one HTTP call have run into so far. Confined to the calling thread. */
final class CallAttempts {

    private final String operation;
    private TransientHttpFailure lastFailure;
    private int failures;
    private int unanswered;

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
