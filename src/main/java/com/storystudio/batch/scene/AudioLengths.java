package com.storystudio.batch.scene;

import java.net.URI;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How long each scene's audio plays, as far as it can be known before anything is spent: what weighs
 * the submission order and the estimate. Empty where it cannot be known; callers then count the average.
 */
@FunctionalInterface
public interface AudioLengths {

    OptionalDouble seconds(MediaRef audio);

    /** Local files only, read from their headers. */
    static AudioLengths local() {
        return AudioDuration::of;
    }

    /** Local files read from their headers, remote audio from what was read of it beforehand. */
    static AudioLengths with(Map<URI, Double> remoteSeconds) {
        Map<URI, Double> known = Map.copyOf(remoteSeconds);
        return audio -> {
            if (audio instanceof MediaRef.Remote remote) {
                Double seconds = known.get(remote.url());
                return seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds);
            }
            return AudioDuration.of(audio);
        };
    }
}
