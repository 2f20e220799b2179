package com.storystudio.batch.simulator;

/**
 * Simulated worker time per life phase, in nanoseconds. Billed time is their sum by construction: a worker
 * is billed from spawn to release, and that span is exactly covered by its phases.
 */
record BillingTotals(long coldStartNanos, long executionNanos, long idleNanos) {

    long billedNanos() {
        return coldStartNanos + executionNanos + idleNanos;
    }
}
