package com.storystudio.batch.scene;

import java.util.Objects;

/**
 * One storyboard row, validated.
 *
 * @param position    1-based number of the data row (blank lines and the header are not counted)
 * @param line        line in the file where the record starts
 * @param sceneId     the row's scene_id, or {@code position} as text when the column was blank
 * @param image       where the image comes from
 * @param audio       where the audio comes from
 * @param prompt      the prompt, {@code ""} when absent
 * @param resolution  output resolution
 * @param sampleSteps diffusion steps, 15..50
 */
public record Scene(int position, long line, String sceneId, MediaRef image, MediaRef audio, String prompt,
                    Resolution resolution, int sampleSteps) {

    public Scene {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(resolution, "resolution");
    }

    /**
     * This scene's GPU work relative to other scenes', for audio of the given length: the video is as
     * long as the audio, and every frame costs time in proportion to the sample steps and the pixels.
     * Only comparisons of it mean anything, so it has no unit.
     */
    public double work(double audioSeconds) {
        return audioSeconds * sampleSteps() * resolution().relativePixels();
    }
}
