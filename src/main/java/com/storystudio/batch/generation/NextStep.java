package com.storystudio.batch.generation;

import java.time.Instant;

import com.storystudio.batch.result.SceneResult;

/** What happens to a scene next, as a transition of {@link SceneLifecycle} decided it. */
sealed interface NextStep {

    /** The scene has its final result: out of the window, into the step's next chunk. */
    record Finished(SceneResult result) implements NextStep {
    }

    /** Ask RunPod about its job at this time. */
    record PollAt(Instant at) implements NextStep {
    }

    /** Send it to RunPod (again) at this time. */
    record SubmitAt(Instant at) implements NextStep {
    }

    /**
     * Out of the window and back to the head of the queue, for a new start: its job from an earlier run is gone.
     * It is submitted as soon as the window has room, with no back-off, and takes a slot like any other scene.
     */
    record Requeue() implements NextStep {
    }

    /** Its job only costs money now: cancel it on RunPod, then tell {@link SceneLifecycle#cancelled}. */
    record Cancel(String reason) implements NextStep {
    }
}
