package com.storystudio.batch.benchmark;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom}, which has no nextGaussian on Java 17. */
final class Gaussian {

    private Gaussian() {
    }

    /** Box-Muller. */
    static double next(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
