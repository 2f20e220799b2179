package com.storystudio.batch.estimate;

import com.storystudio.batch.scene.Resolution;

/**
 * A job's GPU work in one unit for every resolution and step count: seconds of video rendered at 480p with
 * 20 steps. Wan2.2 S2V renders the audio in whole clips of 80 frames at 16 fps (5 s), and every frame costs in
 * proportion to the sample steps and the pixels, as the submission order weighs scenes. Rounding to whole
 * clips matters: a 1-second line costs as much as a 5-second one.
 */
final class WorkUnits {

    static final double CLIP_SECONDS = 5.0;
    static final int REFERENCE_STEPS = 20;

    private WorkUnits() {
    }

    static double of(double audioSeconds, Resolution resolution, int sampleSteps) {
        return renderedSeconds(audioSeconds) * sampleSteps / REFERENCE_STEPS * resolution.relativePixels();
    }

    /** Even silence is one clip. */
    static double renderedSeconds(double audioSeconds) {
        return Math.max(1, Math.ceil(audioSeconds / CLIP_SECONDS - 1e-9)) * CLIP_SECONDS;
    }
}
