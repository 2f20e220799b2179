package com.storystudio.batch.benchmark;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.storystudio.batch.simulator.SimulatorSettings;

/**
 * One benchmark case: a storyboard of {@code scenes} distinct scenes generated on an emulated endpoint.
 *
 * @param maxInFlight null leaves {@code --max-in-flight} out, so the application's default is measured
 * @param audio       how long each scene's audio is, drawn from the emulator's seed; null: a tiny WAV per
 *                    scene (a fraction of a second, one clip), so that only the emulator's own draw spreads
 *                    the jobs
 * @param audioAtUrls the audio given as URLs the emulator serves (its length read over HTTP before the run)
 *                    rather than as local files
 * @param download    each finished video fetched to disk as it is seen ({@code --download})
 */
public record Scenario(String name, String description, int scenes, SimulatorSettings emulator, Integer maxInFlight,
                       AudioLengths audio, boolean audioAtUrls, boolean download) {

    /** What the name of a scenario's {@linkplain #downloading() downloading twin} adds to its own. */
    public static final String DOWNLOADING = "-dl";

    public Scenario {
        if (scenes < 1) {
            throw new IllegalArgumentException("a scenario needs at least one scene, was " + scenes);
        }
    }

    /** A scenario whose media are local files. */
    public Scenario(String name, String description, int scenes, SimulatorSettings emulator, Integer maxInFlight, AudioLengths audio) {
        this(name, description, scenes, emulator, maxInFlight, audio, false, false);
    }

    /** The same case with every video fetched to disk as it finishes, named as this one plus {@value #DOWNLOADING}. */
    public Scenario downloading() {
        return new Scenario(name + DOWNLOADING, "as %s, every video fetched to disk as it finishes (--download)".formatted(name), scenes,
                emulator, maxInFlight, audio, audioAtUrls, true);
    }

    public int workers() {
        return emulator.workersMax();
    }

    /** The same case with another number of scenes, for quick runs. */
    public Scenario withScenes(int count) {
        return new Scenario(name, description, count, emulator, maxInFlight, audio, audioAtUrls, download);
    }

    /** The same case with other random draws of audio lengths, service times (and faults). */
    public Scenario withSeed(long seed) {
        return new Scenario(name, description, scenes, emulator.withRandomSeed(seed), maxInFlight, audio, audioAtUrls, download);
    }

    /** Each scene's audio length in storyboard order; empty when the scenes get tiny WAVs. */
    public List<Duration> audioLengths() {
        return audio == null ? List.of() : audio.draw(emulator.randomSeed(), scenes);
    }

    /** One line on the storyboard's audio, for the benchmark's output. */
    public String audioSummary() {
        if (audio == null) {
            return "a tiny WAV per scene, one clip each";
        }
        String where = audioAtUrls ? "; WAVs at URLs the emulator serves" : "";
        List<Double> seconds = audioLengths().stream().map(length -> length.toMillis() / 1e3).toList();
        List<Double> clips = audioClips().stream().map(Integer::doubleValue).toList();
        return String.format(Locale.ROOT, "%.1f to %.1f s, mean %.1f s; %.2f clips per scene, clips CV %.2f%s",
                Percentiles.of(seconds, 0), Percentiles.of(seconds, 100), mean(seconds), mean(clips),
                Variation.coefficient(clips), where);
    }

    /** Each scene's 5-second clips in storyboard order: what its generation time is a multiple of. */
    public List<Integer> audioClips() {
        return audio == null ? Collections.nCopies(scenes, 1)
                : audioLengths().stream().map(AudioLengths::clips).toList();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
