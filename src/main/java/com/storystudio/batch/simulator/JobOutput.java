package com.storystudio.batch.simulator;

/** The Wan2.2 S2V worker's output of a completed job, as the seed documents it. */
record JobOutput(String videoUrl, double generationTimeSeconds, double videoSizeMb, String resolution,
                 int sampleSteps) {
}
