package com.storystudio.batch.generation;

import java.util.OptionalDouble;

import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.Scene;

/**
 * A scene's GPU work relative to other scenes': the video is as long as the audio, and every frame costs
 * time in proportion to the sample steps and the pixels. Only the comparison matters, so no unit.
 */
final class SceneWork {

    private final AudioLengths lengths;
    private double knownSeconds;
    private int known;

    SceneWork(AudioLengths lengths) {
        this.lengths = lengths;
    }

    /**
     * Audio whose length is not known (a URL that could not be read, an uncommon format) counts as long as the
     * average of the scenes measured so far: it lands in the middle rather than first or last.
     */
    double estimate(Scene scene) {
        OptionalDouble audio = lengths.seconds(scene.audio());
        double seconds;
        if (audio.isPresent()) {
            seconds = audio.getAsDouble();
            knownSeconds += seconds;
            known++;
        }
        else {
            seconds = known == 0 ? 1 : knownSeconds / known;
        }
        return scene.work(seconds);
    }

    /** As the run read it, for the ledger. */
    OptionalDouble audioSeconds(Scene scene) {
        return lengths.seconds(scene.audio());
    }
}
