package com.storystudio.batch.result;

/** A line of the results CSV: a scene's final result, or where an unfinished scene stands. */
public sealed interface ResultsCsvRow permits SceneResult, UnfinishedScene {

    /** The scene's data row number in the input. */
    int position();

    String sceneId();

    SceneStatus status();
}
