package com.storystudio.batch.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * How long the Wan2.2 S2V model takes for a job on a warm worker, and how large its video is. Time is the
 * configured mean per 5-second clip times the audio's clips ({@link AudioClips}): the model renders the whole
 * audio, clip by clip. It scales with sample steps and with pixel count (720p has 2.25 times the pixels of
 * 480p). What remains is a lognormal spread with mean 1, the GPU's jitter that no client can foresee; with mean
 * 1 the configured mean stays the true mean whatever the coefficient of variation.
 */
final class ServiceTimeModel {

    static final String RESOLUTION_480P = "480p";
    static final String RESOLUTION_720P = "720p";
    private static final int REFERENCE_STEPS = 20;
    private static final double PIXEL_FACTOR_720P = 2.25;
    /** The seed's sample output: a 480p clip of 1.71 MB. */
    private static final double TYPICAL_MB_480P = 1.7;
    /**
     * Ten years: far beyond any execution timeout (the parser allows one year), so the cap never shows; it only
     * keeps an absurd audio length times a long spread tail from overflowing the model's nanosecond arithmetic.
     */
    private static final double MAX_SECONDS = 10 * 365 * 86_400.0;

    private final Random random;
    private final double meanSeconds;
    private final double sigma;
    private final double mu;

    ServiceTimeModel(Duration meanServiceTime, double coefficientOfVariation, Random random) {
        this.random = random;
        this.meanSeconds = meanServiceTime.toNanos() / 1e9;
        double variance = Math.log(1 + coefficientOfVariation * coefficientOfVariation);
        this.sigma = Math.sqrt(variance);
        this.mu = -variance / 2;
    }

    /** One draw of the spread per job, not per clip: a job's clips run on the same GPU with the same input. */
    long sampleNanos(String resolution, int sampleSteps, int audioClips) {
        double spread = Math.exp(mu + sigma * random.nextGaussian());
        double seconds = meanSeconds * audioClips * sampleSteps / REFERENCE_STEPS * pixelFactor(resolution) * spread;
        return Math.round(Math.min(seconds, MAX_SECONDS) * 1e9);
    }

    double sampleVideoSizeMb(String resolution) {
        double megabytes = TYPICAL_MB_480P * pixelFactor(resolution) * (0.8 + 0.4 * random.nextDouble());
        return Math.round(megabytes * 100) / 100.0;
    }

    private static double pixelFactor(String resolution) {
        return RESOLUTION_720P.equals(resolution) ? PIXEL_FACTOR_720P : 1.0;
    }
}
