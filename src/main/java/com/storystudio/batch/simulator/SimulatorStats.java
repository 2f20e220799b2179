package com.storystudio.batch.simulator;

import java.util.List;

/**
 * Counters and billing of a simulator. All {@code *Seconds} are simulated seconds and
 * {@code billedWorkerSeconds == executionSeconds + coldStartSeconds + idleWorkerSeconds}: each worker's life
 * from spawn to release is split into exactly these three parts. Model loading happens inside a worker's
 * first job and is therefore part of {@code executionSeconds}, as it is part of that job's executionTime.
 *
 * @param runRequests         every /run request received, including faulted and rejected ones
 * @param injectedHttp429     429s drawn by the fault switch, not by the request limits
 * @param rateLimitedRequests requests refused with 429 because their route was over its {@link RequestLimits}
 * @param workersMinHistory   every value workersMin took, starting with the initial one (repeats of the
 *                            current value are not recorded)
 */
public record SimulatorStats(long runRequests, long jobsCreated, long statusRequests, long cancelRequests,
                             long healthRequests, long graphqlRequests, long managementRequests,
                             long injectedHttp500, long injectedHttp429, long rateLimitedRequests,
                             long droppedConnections, long lostRunResponses, long injectedJobFailures, long unauthorizedRequests,
                             int workersMin, List<Integer> workersMinHistory, double billedWorkerSeconds,
                             double executionSeconds, double coldStartSeconds, double idleWorkerSeconds,
                             double estimatedCostDollars) {

    public SimulatorStats {
        workersMinHistory = List.copyOf(workersMinHistory);
    }
}
