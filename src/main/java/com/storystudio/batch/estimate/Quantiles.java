package com.storystudio.batch.estimate;

import java.util.List;

/** Quantiles by linear interpolation between the sorted values. */
final class Quantiles {

    private Quantiles() {
    }

    /** @param share 0 for the least value, 0.5 for the median, 1 for the greatest; NaN for no values */
    static double of(List<Double> values, double share) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double position = share * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
