package com.storystudio.batch.scene;

import java.util.Objects;

/**
 * What the results need of a scene, read without its media: where it stands in the input and what
 * it asks for.
 *
 * @param position 1-based number of the data row, as in {@link Scene#position()}
 * @param line     line in the file where the row starts, as validation names it
 * @param sceneId  the row's scene_id, or {@code position} as text when the column was blank
 * @param prompt   the row's prompt as written (empty when blank), for the report
 */
public record SceneOutline(int position, long line, String sceneId, Resolution resolution, int sampleSteps, String prompt) {

    public SceneOutline {
        Objects.requireNonNull(sceneId, "sceneId");
        Objects.requireNonNull(resolution, "resolution");
        prompt = prompt == null ? "" : prompt;
    }

    /** Without a prompt: where only the scene's place and settings matter. */
    public SceneOutline(int position, long line, String sceneId, Resolution resolution, int sampleSteps) {
        this(position, line, sceneId, resolution, sampleSteps, "");
    }
}
