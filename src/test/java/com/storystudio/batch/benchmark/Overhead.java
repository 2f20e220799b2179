package com.storystudio.batch.benchmark;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What one scenario adds to another run in the same JVM, medians against medians, so that one slow run (a
 * collection, a neighbour on the machine) does not decide it.
 *
 * @param baseRuns  how many runs of the base scenario the median is of
 * @param otherRuns the same, of the scenario measured against it
 */
public record Overhead(double baseMedian, int baseRuns, double otherMedian, int otherRuns) {

    /** Each list: the warm results of this JVM, in any order; results of other scenarios are ignored. */
    public static Overhead of(List<ScenarioResult> warm, String base, String other, ToDoubleFunction<ScenarioResult> measure) {
        List<Double> baseValues = values(warm, base, measure);
        List<Double> otherValues = values(warm, other, measure);
        return new Overhead(Percentiles.of(baseValues, 50), baseValues.size(), Percentiles.of(otherValues, 50), otherValues.size());
    }

    /** Whether both scenarios have a warm run to compare. */
    public boolean measured() {
        return baseRuns > 0 && otherRuns > 0;
    }

    /** How much more the other scenario's median is, in percent of the base's. */
    public double percent() {
        return 100 * (otherMedian / baseMedian - 1);
    }

    private static List<Double> values(List<ScenarioResult> results, String name, ToDoubleFunction<ScenarioResult> measure) {
        return results.stream().filter(result -> result.name().equals(name)).map(measure::applyAsDouble).toList();
    }
}
