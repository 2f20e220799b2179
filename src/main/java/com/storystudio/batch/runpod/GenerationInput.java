package com.storystudio.batch.runpod;

/**
 * The seed's {@code input} object for {@code /run}. {@code image} and {@code audio} are URLs or
 * base64 content; a blank prompt is left out so that the worker's default applies.
 */
public record GenerationInput(String image, String audio, String prompt, String resolution, int sampleSteps) {

    /** No base64 blobs in logs and exception messages. */
    @Override
    public String toString() {
        return "GenerationInput[resolution=%s, sampleSteps=%d, prompt=%s]".formatted(resolution, sampleSteps, prompt);
    }
}
