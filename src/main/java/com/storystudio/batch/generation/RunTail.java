package com.storystudio.batch.generation;

/** Told once per window when every scene has been submitted: what is left is waiting for RunPod. */
@FunctionalInterface
public interface RunTail {

    RunTail NONE = () -> { };

    void everySceneSubmitted();
}
