package com.storystudio.batch.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One job's mutable state inside the model. Only {@link EndpointSimulation} touches it, under its lock.
 * Times are simulated nanoseconds since the simulator's origin.
 */
final class Job {

    private final String id;
    private final JobRequest request;
    private final long submittedAt;
    private JobStatus status = JobStatus.IN_QUEUE;
    /** Start of the current attempt's wait: submission, or the last /retry. */
    private long queuedAt;
    private Long startedAt;
    private Long finishedAt;
    /** The part of the current attempt's execution that loads the model: zero on a warm worker. */
    private long modelLoadNanos;
    private String error;
    private JobOutput output;
    private ExecutionPlan plan;

    Job(String id, JobRequest request, long submittedAt) {
        this.id = id;
        this.request = request;
        this.submittedAt = submittedAt;
        this.queuedAt = submittedAt;
    }

    String id() {
        return id;
    }

    JobRequest request() {
        return request;
    }

    JobStatus status() {
        return status;
    }

    ExecutionPlan plan() {
        return plan;
    }

    /** A retry is a new attempt, so the ttl counts from the last time the job entered the queue. */
    long ttlDeadline() {
        return queuedAt + request.ttlMs() * 1_000_000L;
    }

    long executionDeadline(long startAt) {
        return startAt + request.executionTimeoutMs() * 1_000_000L;
    }

    void start(long at, ExecutionPlan executionPlan) {
        status = JobStatus.IN_PROGRESS;
        startedAt = at;
        plan = executionPlan;
        modelLoadNanos = executionPlan.modelReadyAt() == Long.MAX_VALUE ? 0 : executionPlan.modelReadyAt() - at;
    }

    void finish(long at, JobStatus finalStatus, String finalError, JobOutput finalOutput) {
        status = finalStatus;
        finishedAt = at;
        if (startedAt != null) {
            // Cancelled or timed out while loading: only the time spent counts.
            modelLoadNanos = Math.min(modelLoadNanos, at - startedAt);
        }
        error = finalError;
        output = finalOutput;
        plan = null;
    }

    void requeue(long at) {
        status = JobStatus.IN_QUEUE;
        queuedAt = at;
        startedAt = null;
        finishedAt = null;
        modelLoadNanos = 0;
        error = null;
        output = null;
    }

    boolean isExpired(long now, long retentionNanos) {
        return finishedAt != null && now >= finishedAt + retentionNanos;
    }

    boolean hasVideo() {
        return output != null;
    }

    JobView view(long now) {
        long waitEnd = startedAt != null ? startedAt : finishedAt != null ? finishedAt : now;
        long executionMs = startedAt == null ? 0 : millis((finishedAt != null ? finishedAt : now) - startedAt);
        return new JobView(id, status, millis(waitEnd - queuedAt), executionMs, error, output);
    }

    SimulatedJob snapshot(Instant origin) {
        return new SimulatedJob(id, request.inputJson(), status.name(), instant(origin, submittedAt),
                startedAt == null ? null : instant(origin, startedAt),
                finishedAt == null ? null : instant(origin, finishedAt), Duration.ofNanos(modelLoadNanos), error,
                output == null ? null : output.videoUrl(), request.executionTimeoutMs(), request.ttlMs());
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000L;
    }

    private static Instant instant(Instant origin, long nanos) {
        return origin.plusNanos(nanos);
    }
}
