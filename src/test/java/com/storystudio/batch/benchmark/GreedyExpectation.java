package com.storystudio.batch.benchmark;

import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import com.storystudio.batch.simulator.SimulatorSettings;

/**
 * What the best client that cannot see the future would reach on average: every worker ready after
 * one cold start, and each job handed to the first worker free with no delay at all (greedy list
 * scheduling), over many random draws of the emulator's service times. Its makespan / ideal ratio is
 * above 1 because the last jobs end unevenly: with lognormal service times of CV 0.5 no scheduling
 * order removes that, only knowing each job's length beforehand could.
 */
final class GreedyExpectation {

    private static final int DRAWS = 2_000;

    private GreedyExpectation() {
    }

    static double ratio(SimulatorSettings settings, int scenes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double mean = settings.meanServiceTime().toNanos() / 1e9;
        double load = settings.modelLoad().toNanos() / 1e9;
        double coldStart = settings.workerStartup().toNanos() / 1e9;
        double variance = Math.log(1 + settings.serviceTimeCv() * settings.serviceTimeCv());
        double sigma = Math.sqrt(variance);
        double mu = -variance / 2;
        double sum = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            sum += oneDraw(random, scenes, settings.workersMax(), mean, load, coldStart, sigma, mu);
        }
        return sum / DRAWS;
    }

    /**
     * The makespan a delay-free greedy client reaches with the very jobs the run drew: {@code durations}
     * (model loads included, in the order the jobs started) handed to the first free of {@code workers},
     * all ready after {@code coldStart}.
     */
    static double replay(List<Double> durations, int workers, double coldStart) {
        PriorityQueue<Double> free = new PriorityQueue<>();
        for (int w = 0; w < workers; w++) {
            free.add(coldStart);
        }
        for (double duration : durations) {
            free.add(free.poll() + duration);
        }
        return free.stream().mapToDouble(Double::doubleValue).max().orElse(coldStart);
    }

    private static double oneDraw(SplittableRandom random, int scenes, int workers, double mean, double load, double coldStart,
                                  double sigma, double mu) {
        record Free(double at, boolean cold) {
        }
        PriorityQueue<Free> free = new PriorityQueue<>((a, b) -> Double.compare(a.at(), b.at()));
        for (int w = 0; w < workers; w++) {
            free.add(new Free(coldStart, true));
        }
        double execution = 0;
        for (int job = 0; job < scenes; job++) {
            Free worker = free.poll();
            double duration = mean * Math.exp(mu + sigma * gaussian(random)) + (worker.cold() ? load : 0);
            execution += duration;
            free.add(new Free(worker.at() + duration, false));
        }
        double makespan = free.stream().mapToDouble(Free::at).max().orElseThrow();
        return makespan / ScenarioResult.idealSeconds(coldStart, execution, workers);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
