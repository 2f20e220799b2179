package com.storystudio.batch.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.storystudio.batch.simulator.AudioClips;

/**
 * How long the spoken lines of a scenario's scenes are: lognormal seconds with this mean and coefficient of
 * variation, clipped to {@code minSeconds..maxSeconds} and rounded to the millisecond. Drawn scene by scene from
 * the scenario's seed, so a run is reproducible and a shorter run has the longer one's first scenes.
 * <p>
 * On Wan2.2 S2V the video is as long as the audio and is rendered in whole 5-second clips (80 frames at 16
 * fps): a scene's generation time is its clips times the time per clip, then the residual spread no client can
 * foresee. {@link #clips} counts them with the emulator's own rule ({@link AudioClips}).
 */
public record AudioLengths(double meanSeconds, double cv, double minSeconds, double maxSeconds) {

    /**
     * Spoken lines of 1 to 60 s, 12.5 s on average, CV 0.58 before clipping: 3.0 clips per scene on average
     * with a CV of 0.49 (median 11 s, 5 % under 4.5 s, 5 % over 26 s). With the emulator's residual CV of 0.1
     * the jobs' generation times have a CV of 0.50 overall, as the blind scenario's draw alone had before.
     */
    static final AudioLengths SPOKEN_LINES = new AudioLengths(12.5, 0.58, 1, 60);

    /** Keeps these draws apart from the greedy expectation's, which start from the same seed. */
    private static final long SEED_SALT = 0xA0D10L;

    public AudioLengths {
        if (!(meanSeconds > 0) || !(cv >= 0) || !(minSeconds > 0) || !(maxSeconds >= minSeconds)) {
            throw new IllegalArgumentException("audio lengths need mean > 0, cv >= 0 and 0 < min <= max");
        }
    }

    /** One length per scene, in storyboard order. */
    List<Duration> draw(long seed, int scenes) {
        SplittableRandom random = new SplittableRandom(seed ^ SEED_SALT);
        double variance = Math.log(1 + cv * cv);
        double sigma = Math.sqrt(variance);
        double mu = Math.log(meanSeconds) - variance / 2;
        List<Duration> lengths = new ArrayList<>(scenes);
        for (int i = 0; i < scenes; i++) {
            double seconds = Math.exp(mu + sigma * Gaussian.next(random));
            double clipped = Math.min(maxSeconds, Math.max(minSeconds, seconds));
            lengths.add(Duration.ofMillis(Math.round(clipped * 1_000)));
        }
        return lengths;
    }

    /** Whole 5-second clips, at least one. */
    static int clips(Duration length) {
        return AudioClips.forSeconds(length.toNanos() / 1e9);
    }
}
