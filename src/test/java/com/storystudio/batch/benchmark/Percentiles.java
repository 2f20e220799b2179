package com.storystudio.batch.benchmark;

import java.util.List;

/** Percentiles by linear interpolation between closest ranks (as a spreadsheet's PERCENTILE.INC). */
public final class Percentiles {

    private Percentiles() {
    }

    /** @param p from 0 to 100; NaN for no values */
    public static double of(List<Double> values, double p) {
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("p must be 0..100, was " + p);
        }
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }
}
