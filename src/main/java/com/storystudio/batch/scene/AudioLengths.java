package com.storystudio.batch.scene;

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
}
