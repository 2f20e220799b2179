package com.storystudio.batch.benchmark;

import java.util.List;

/**
 * What one scenario's run left behind, before any arithmetic. Times in seconds: simulated unless named
 * {@code wall}.
 *
 * @param executionSeconds  the emulator's billed execution (model loads included), all jobs together
 * @param completionDelays  per completed job: from its end on the emulator to the app recording it
 * @param makespanSeconds   from the first /run the emulator received to the last scene result recorded
 * @param replaySeconds     the makespan of a delay-free greedy client with the same jobs ({@link GreedyExpectation#replay})
 * @param generationSeconds per job the emulator completed: its execution without the model load, that is the
 *                          time the audio and the emulator's spread made it take
 * @param cpuSeconds        the JVM's CPU time (all threads, emulator included) from launch to exit: what the run
 *                          costs the machine, which the wall time hides when other work shares it
 * @param peakHeapBytes     of the whole JVM, emulator included
 * @param resultChunks      the generation step's commits: each a transaction that records a batch of finished scenes
 */
public record Measurements(int scenes, int workers, Integer maxInFlight, long jobsCreated, double workerStartupSeconds,
                           double executionSeconds, double makespanSeconds, double replaySeconds,
                           List<Double> generationSeconds, List<Double> completionDelays, double pollIntervalSeconds,
                           long statusCalls, long healthCalls, double billedSeconds, double idleSeconds,
                           double wallSeconds, double cpuSeconds, long peakHeapBytes, long resultChunks) {

    public Measurements {
        generationSeconds = List.copyOf(generationSeconds);
        completionDelays = List.copyOf(completionDelays);
    }
}
