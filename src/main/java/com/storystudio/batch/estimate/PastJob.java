package com.storystudio.batch.estimate;

import com.storystudio.batch.scene.Resolution;

/** A completed job of an earlier run on the endpoint: what it was asked to render and the GPU time it was billed. */
record PastJob(Resolution resolution, int sampleSteps, double audioSeconds, double executionSeconds) {

    double workUnits() {
        return WorkUnits.of(audioSeconds, resolution, sampleSteps);
    }

    /** GPU seconds per work unit. */
    double rate() {
        return executionSeconds / workUnits();
    }
}
