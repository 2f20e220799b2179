package com.storystudio.batch.benchmark;

/**
 * One row of the benchmark's tables. Seconds are simulated unless named {@code wall}.
 *
 * @param window           the {@code --max-in-flight} passed, or "default" when the app chose
 * @param idealSeconds     no schedule can beat it: one cold start, then every worker busy until the end
 * @param ratio            makespan / ideal; 1.0 is perfect
 * @param replayRatio      the ratio of a delay-free greedy client with the very jobs this run drew
 * @param greedyRatio      the ratio a delay-free client reaches on average submitting in an order blind to
 *                         the audio's lengths ({@link GreedyExpectation#ratio}); NaN when not computed
 * @param longestFirstRatio the same, submitting the longest audio first ({@link GreedyExpectation#longestFirstRatio})
 * @param jobCv            the coefficient of variation of the completed jobs' generation times (model load
 *                         excluded): how widely the jobs really spread
 * @param statusTarget     the bound on status calls per scene: half the mean job execution in
 *                         poll intervals, plus 2
 * @param utilisation      execution / (workers x makespan), from 0 to 1
 * @param idleShare        idle / billed, from 0 to 1
 * @param resultChunks     the transactions that recorded the scenes' results ({@link Measurements#resultChunks})
 */
public record ScenarioResult(String name, int scenes, int workers, String window, long jobsCreated,
                             double makespanSeconds, double idealSeconds, double ratio, double replayRatio, double greedyRatio,
                             double longestFirstRatio, double jobCv, double utilisation,
                             double statusPerScene, double statusTarget, double healthPerScene, double delayMedianSeconds,
                             double delayP95Seconds, double pollIntervalSeconds, double billedSeconds,
                             double idleSeconds, double idleShare, double wallSeconds, double scenesPerWallSecond,
                             double cpuSeconds, long peakHeapBytes, long resultChunks) {

    public static ScenarioResult of(String name, Measurements m) {
        return of(name, m, Double.NaN, Double.NaN);
    }

    public static ScenarioResult of(String name, Measurements m, double greedyRatio, double longestFirstRatio) {
        double ideal = idealSeconds(m.workerStartupSeconds(), m.executionSeconds(), m.workers());
        double statusTarget = ratio(m.executionSeconds(), m.jobsCreated() * m.pollIntervalSeconds()) / 2 + 2;
        return new ScenarioResult(name, m.scenes(), m.workers(),
                m.maxInFlight() == null ? "default" : String.valueOf(m.maxInFlight()), m.jobsCreated(),
                m.makespanSeconds(), ideal, ratio(m.makespanSeconds(), ideal), ratio(m.replaySeconds(), ideal), greedyRatio,
                longestFirstRatio, Variation.coefficient(m.generationSeconds()),
                ratio(m.executionSeconds(), m.workers() * m.makespanSeconds()),
                ratio(m.statusCalls(), m.scenes()), statusTarget, ratio(m.healthCalls(), m.scenes()),
                Percentiles.of(m.completionDelays(), 50), Percentiles.of(m.completionDelays(), 95),
                m.pollIntervalSeconds(), m.billedSeconds(), m.idleSeconds(), ratio(m.idleSeconds(), m.billedSeconds()),
                m.wallSeconds(), ratio(m.scenes(), m.wallSeconds()), m.cpuSeconds(), m.peakHeapBytes(), m.resultChunks());
    }

    /**
     * A worker's cold start, then the jobs' whole execution spread evenly over every worker: the
     * shortest makespan any client could reach on this endpoint.
     */
    public static double idealSeconds(double workerStartupSeconds, double executionSeconds, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        return workerStartupSeconds + executionSeconds / workers;
    }

    /** NaN rather than infinity when there is nothing to divide by, so that a table shows it as such. */
    public static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }
}
