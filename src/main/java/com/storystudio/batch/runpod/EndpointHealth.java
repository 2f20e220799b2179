package com.storystudio.batch.runpod;

/** The parts of {@code /health} the run reports: workers by state and the queue. */
public record EndpointHealth(int idleWorkers, int initializingWorkers, int runningWorkers, int jobsInQueue, int jobsInProgress) {

    public int readyWorkers() {
        return idleWorkers + runningWorkers;
    }
}
