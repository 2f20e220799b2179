package com.storystudio.batch.result;

/** A scene's final outcome in the results. */
public enum SceneStatus {
    COMPLETED, FAILED
}
