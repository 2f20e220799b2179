package com.storystudio.batch.simulator;

import java.net.URI;

/**
 * Decides, when a worker picks a job up, how and when its execution ends: input rejection, completion after
 * model load and generation, an injected fault, or a hard limit (executionTimeout, ttl) that comes first.
 */
final class ExecutionPlanner {

    static final String EXECUTION_TIMEOUT_ERROR = "job timed out after 1 retries";
    static final String TTL_ERROR = "ttl expired";
    /** A rejected input fails fast, but the worker still spends a moment parsing and answering. */
    private static final long VALIDATION_NANOS = 3_000_000_000L;

    private final ServiceTimeModel serviceTimes;
    private final FaultInjector faults;
    private final long modelLoadNanos;
    private final URI baseUrl;

    ExecutionPlanner(ServiceTimeModel serviceTimes, FaultInjector faults, long modelLoadNanos, URI baseUrl) {
        this.serviceTimes = serviceTimes;
        this.faults = faults;
        this.modelLoadNanos = modelLoadNanos;
        this.baseUrl = baseUrl;
    }

    ExecutionPlan plan(Job job, boolean modelLoaded, long startAt) {
        return natural(job, modelLoaded, startAt)
                .cutAt(job.executionDeadline(startAt), EXECUTION_TIMEOUT_ERROR)
                .cutAt(job.ttlDeadline(), TTL_ERROR);
    }

    private ExecutionPlan natural(Job job, boolean modelLoaded, long startAt) {
        JobRequest request = job.request();
        if (request.rejection() != null) {
            // The worker rejects the input before touching the model, so a cold worker stays cold.
            return new ExecutionPlan(startAt + VALIDATION_NANOS, JobStatus.FAILED, request.rejection(), null,
                    Long.MAX_VALUE, false);
        }
        long loadNanos = modelLoaded ? 0 : modelLoadNanos;
        long executionNanos = loadNanos + serviceTimes.sampleNanos(request.resolution(), request.sampleSteps(),
                request.audioClips());
        long modelReadyAt = startAt + loadNanos;
        if (faults.jobTimesOut()) {
            // A hung job: nothing ends it but its execution timeout.
            return new ExecutionPlan(job.executionDeadline(startAt), JobStatus.TIMED_OUT, EXECUTION_TIMEOUT_ERROR,
                    null, modelReadyAt, true);
        }
        if (faults.jobFailsTransiently()) {
            long failAt = startAt + Math.round(executionNanos * faults.failurePoint());
            return new ExecutionPlan(failAt, JobStatus.FAILED, faults.transientError(), null, modelReadyAt, true);
        }
        JobOutput output = new JobOutput(baseUrl + "/videos/" + job.id() + ".mp4",
                Math.round(executionNanos / 1e7) / 100.0, serviceTimes.sampleVideoSizeMb(request.resolution()),
                request.resolution(), request.sampleSteps());
        return new ExecutionPlan(startAt + executionNanos, JobStatus.COMPLETED, null, output, modelReadyAt, false);
    }
}
