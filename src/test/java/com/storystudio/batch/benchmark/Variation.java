package com.storystudio.batch.benchmark;

import java.util.List;

/** The coefficient of variation: how widely values spread, relative to their mean. */
public final class Variation {

    private Variation() {
    }

    /** Sample standard deviation (n - 1) over the mean; NaN for fewer than two values or a mean of zero. */
    public static double coefficient(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return mean == 0 ? Double.NaN : Math.sqrt(squares / (n - 1)) / mean;
    }
}
