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

    /** Its job only costs money now: cancel it on RunPod, then tell {@link SceneLifecycle#cancelled}. */
    record Cancel(String reason) implements NextStep {
    }
}
