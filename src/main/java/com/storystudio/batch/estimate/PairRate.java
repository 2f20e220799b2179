package com.storystudio.batch.estimate;

import com.storystudio.batch.scene.Resolution;

/**
 * The rate used for the input's scenes of one resolution and step count.
 *
 * @param rate GPU seconds per work unit ({@link WorkUnits}), and its source
 */
public record PairRate(Resolution resolution, int sampleSteps, int scenes, Rate rate) {

    /** GPU seconds per second of audio rendered at this resolution and step count. */
    public Span perAudioSecond() {
        return rate.value().times(WorkUnits.of(WorkUnits.CLIP_SECONDS, resolution, sampleSteps) / WorkUnits.CLIP_SECONDS);
    }

    public String source() {
        return rate.source();
    }
}
