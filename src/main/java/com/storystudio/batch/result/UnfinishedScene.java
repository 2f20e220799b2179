package com.storystudio.batch.result;

import java.util.Objects;

/**
 * A scene of the input without a final result, as the results CSV lists it: only what the input says
 * of it, and whether a job of it is on RunPod. Never stored in the results table.
 *
 * @param jobId       the RunPod job of an IN_PROGRESS scene, which the next run picks up; null when PENDING
 * @param resolution  the resolution the input asks for, e.g. {@code 480p}
 */
public record UnfinishedScene(int position, String sceneId, SceneStatus status, String jobId, String resolution, int sampleSteps)
        implements ResultsCsvRow {

    public UnfinishedScene {
        Objects.requireNonNull(sceneId, "sceneId");
        if (status.isFinal()) {
            throw new IllegalArgumentException("an unfinished scene is PENDING or IN_PROGRESS, not " + status);
        }
    }
}
