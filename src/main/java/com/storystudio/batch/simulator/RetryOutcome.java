package com.storystudio.batch.simulator;

/** The answer to a /retry request. */
enum RetryOutcome {
    RETRIED, NOT_RETRYABLE, NOT_FOUND
}
