package com.storystudio.batch.estimate;

import java.util.ArrayList;
import java.util.List;

import com.storystudio.batch.scene.Resolution;

/**
 * What an endpoint's history says about its GPU: seconds per work unit ({@link WorkUnits}) by resolution and
 * steps, and the model load a worker's first job carries in its executionTime. Without enough history for a
 * resolution and step count, the endpoint's other jobs scaled by pixels and steps; without enough of those,
 * the published timings ({@link SeedTimings}).
 */
final class GpuRates {

    /** Fewer jobs than this say more about their own luck than about the GPU. */
    static final int ENOUGH_JOBS = 10;
    /**
     * A job billed well above the endpoint's typical rate for its work was a worker's first and loaded the model:
     * its excess is the load, and it would bias the rate of every other job. "Well above" is three robust standard
     * deviations of the rates (from their median absolute deviation), and at least a quarter.
     */
    static final double COLD_DEVIATIONS = 3;
    static final double COLD_MARGIN = 0.25;
    /** Turns a median absolute deviation into a standard deviation, for normally spread values. */
    private static final double MAD_TO_SIGMA = 1.4826;

    private final List<PastJob> warm = new ArrayList<>();
    private final List<Double> loads = new ArrayList<>();

    GpuRates(List<PastJob> history) {
        List<Double> rates = history.stream().map(PastJob::rate).toList();
        double typical = Quantiles.of(rates, 0.5);
        double sigma = MAD_TO_SIGMA * Quantiles.of(rates.stream().map(rate -> Math.abs(rate - typical)).toList(), 0.5);
        double coldAbove = typical + Math.max(COLD_DEVIATIONS * sigma, COLD_MARGIN * typical);
        List<PastJob> cold = new ArrayList<>();
        for (PastJob job : history) {
            (job.rate() > coldAbove ? cold : warm).add(job);
        }
        // The load is what a cold job took beyond a warm job of its work.
        double warmRate = warm.isEmpty() ? typical : rate(warm).expected();
        cold.forEach(job -> loads.add(job.executionSeconds() - warmRate * job.workUnits()));
    }

    /** GPU seconds per work unit for scenes of this resolution and step count. */
    Rate rateFor(Resolution resolution, int sampleSteps) {
        List<PastJob> same = warm.stream().filter(job -> job.resolution() == resolution && job.sampleSteps() == sampleSteps).toList();
        if (same.size() >= ENOUGH_JOBS) {
            return new Rate(rate(same), "from %d earlier jobs at %s, %d steps on this endpoint".formatted(same.size(),
                    resolution.value(), sampleSteps));
        }
        if (warm.size() >= ENOUGH_JOBS) {
            return new Rate(rate(warm), "from %d earlier jobs on this endpoint, scaled by pixels and steps".formatted(warm.size()));
        }
        return new Rate(SeedTimings.RATE, SeedTimings.SOURCE + " (2-3 min per 5-second clip at 480p, 20 steps), scaled by pixels and steps");
    }

    /**
     * The execution seconds a worker's first job spends loading the model. An endpoint with enough history and not
     * one job that carried a load loads its model outside the billed execution (or keeps its workers warm).
     */
    Rate modelLoad() {
        if (warm.size() < ENOUGH_JOBS) {
            return new Rate(SeedTimings.MODEL_LOAD_SECONDS, SeedTimings.SOURCE + " (10-15 min)");
        }
        if (loads.isEmpty()) {
            return new Rate(Span.exactly(0), "none seen in %d earlier jobs on this endpoint".formatted(warm.size()));
        }
        double mean = loads.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Rate(new Span(Quantiles.of(loads, 0), mean, Quantiles.of(loads, 1)),
                "from %d cold start(s) seen on this endpoint".formatted(loads.size()));
    }

    /** All jobs' GPU time over all their work; the range is where the middle 80 % of single jobs' rates lay. */
    private static Span rate(List<PastJob> jobs) {
        double seconds = jobs.stream().mapToDouble(PastJob::executionSeconds).sum();
        double units = jobs.stream().mapToDouble(PastJob::workUnits).sum();
        double expected = seconds / units;
        List<Double> rates = jobs.stream().map(PastJob::rate).toList();
        return new Span(Math.min(expected, Quantiles.of(rates, 0.1)), expected, Math.max(expected, Quantiles.of(rates, 0.9)));
    }
}
