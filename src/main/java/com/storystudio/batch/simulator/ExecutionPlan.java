package com.storystudio.batch.simulator;

/**
 * How a job's execution will end, decided when a worker picks it up; the model turns it into an event at
 * {@code endAt}. A cancel may still cut it short.
 *
 * @param output        null unless the outcome is COMPLETED
 * @param error         null if the outcome is COMPLETED
 * @param modelReadyAt  when the worker's model is loaded during this job ({@link Long#MAX_VALUE} if this job
 *                      never loads it); a worker that reaches this time keeps the model for later jobs
 * @param injectedFault the outcome comes from a job fault switch (counted only if it really happens)
 */
record ExecutionPlan(long endAt, JobStatus outcome, String error, JobOutput output, long modelReadyAt,
                     boolean injectedFault) {

    /** The same plan, ended earlier by a hard limit (execution timeout or ttl) with that limit's outcome. */
    ExecutionPlan cutAt(long limit, String limitError) {
        if (limit >= endAt) {
            return this;
        }
        return new ExecutionPlan(limit, JobStatus.TIMED_OUT, limitError, null, modelReadyAt, false);
    }
}
