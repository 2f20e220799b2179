package com.storystudio.batch.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;

import com.storystudio.batch.simulator.SimulatorSettings;

/**
 * What a client with no delay at all would reach on average with this storyboard: every worker ready after
 * one cold start, and each job handed to the first worker free the moment it is (greedy list scheduling), over
 * many random draws of the emulator's residual spread. A job lasts the mean per clip times its audio's clips
 * times that spread, plus the model load on a worker's first job.
 * <p>
 * Two orders: {@link #ratio} submits the scenes in a random order, blind to their lengths (what a client that
 * does not look at the audio can expect); {@link #longestFirstRatio} submits the longest audio first,
 * which leaves the short jobs to even out the end. Neither knows the residual spread, so both stay above 1:
 * with lognormal service times no scheduling order removes the uneven end, only knowing each job's exact
 * length beforehand could. When every scene is one clip, both orders are the same.
 */
final class GreedyExpectation {

    private static final int DRAWS = 2_000;

    private GreedyExpectation() {
    }

    /** Makespan / ideal, on average, when the scenes are submitted in an order blind to their lengths. */
    static double ratio(SimulatorSettings settings, List<Integer> clips, long seed) {
        return expectation(settings, clips, seed, false);
    }

    /** Makespan / ideal, on average, when the scenes with the most clips are submitted first. */
    static double longestFirstRatio(SimulatorSettings settings, List<Integer> clips, long seed) {
        return expectation(settings, clips, seed, true);
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

    private static double expectation(SimulatorSettings settings, List<Integer> clips, long seed, boolean longestFirst) {
        // The spread's draws come from the seed alone, so both orders (and an all-one-clip storyboard, whatever
        // the order) see the very same durations; the blind order is shuffled from a random of its own.
        SplittableRandom spread = new SplittableRandom(seed);
        Random orders = new Random(seed);
        Job job = Job.of(settings);
        double coldStart = settings.workerStartup().toNanos() / 1e9;
        List<Integer> order = new ArrayList<>(clips);
        if (longestFirst) {
            order.sort(Comparator.reverseOrder());
        }
        double sum = 0;
        for (int draw = 0; draw < DRAWS; draw++) {
            if (!longestFirst) {
                Collections.shuffle(order, orders);
            }
            sum += oneDraw(spread, order, settings.workersMax(), job, coldStart);
        }
        return sum / DRAWS;
    }

    private static double oneDraw(SplittableRandom random, List<Integer> order, int workers, Job job, double coldStart) {
        record Free(double at, boolean cold) {
        }
        PriorityQueue<Free> free = new PriorityQueue<>((a, b) -> Double.compare(a.at(), b.at()));
        for (int w = 0; w < workers; w++) {
            free.add(new Free(coldStart, true));
        }
        double execution = 0;
        for (int clips : order) {
            Free worker = free.poll();
            double duration = job.seconds(clips, random) + (worker.cold() ? job.load() : 0);
            execution += duration;
            free.add(new Free(worker.at() + duration, false));
        }
        double makespan = free.stream().mapToDouble(Free::at).max().orElseThrow();
        return makespan / ScenarioResult.idealSeconds(coldStart, execution, workers);
    }

    /** The emulator's service-time model at 480p and 20 steps: mean per clip, lognormal spread of mean 1. */
    private record Job(double meanPerClip, double load, double sigma, double mu) {

        static Job of(SimulatorSettings settings) {
            double variance = Math.log(1 + settings.serviceTimeCv() * settings.serviceTimeCv());
            return new Job(settings.meanServiceTime().toNanos() / 1e9, settings.modelLoad().toNanos() / 1e9,
                    Math.sqrt(variance), -variance / 2);
        }

        double seconds(int clips, SplittableRandom random) {
            return meanPerClip * clips * Math.exp(mu + sigma * Gaussian.next(random));
        }
    }
}
