package com.storystudio.batch.simulator;

/** One simulated GPU worker. Only {@link WorkerPool} changes its state, so every change is billed. */
final class Worker {

    private final String id;
    private final long readyAt;
    private WorkerState state = WorkerState.INITIALIZING;
    private long stateSince;
    private boolean modelLoaded;
    private Job job;

    Worker(String id, long spawnedAt, long readyAt) {
        this.id = id;
        this.readyAt = readyAt;
        this.stateSince = spawnedAt;
    }

    String id() {
        return id;
    }

    long readyAt() {
        return readyAt;
    }

    WorkerState state() {
        return state;
    }

    /** For an idle worker: since when it has been idle. */
    long stateSince() {
        return stateSince;
    }

    boolean modelLoaded() {
        return modelLoaded;
    }

    Job job() {
        return job;
    }

    /** Moves to the next state and returns the nanoseconds spent in the one it leaves. */
    long moveTo(WorkerState next, long at, Job nextJob) {
        long spent = at - stateSince;
        state = next;
        stateSince = at;
        job = nextJob;
        return spent;
    }

    void markModelLoaded() {
        modelLoaded = true;
    }
}
