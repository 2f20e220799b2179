package com.storystudio.batch.result;

/**
 * Where a scene stands in the results. The results table holds only the final outcomes
 * (COMPLETED, FAILED); the results CSV also lists the scenes not finished yet.
 */
public enum SceneStatus {
    COMPLETED,
    FAILED,
    /** Nothing of the scene is on RunPod: not submitted yet, or its last job ended without a result. */
    PENDING,
    /** A job of the scene is live on RunPod (as the ledger knows it), to be re-attached by the next run. */
    IN_PROGRESS;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
