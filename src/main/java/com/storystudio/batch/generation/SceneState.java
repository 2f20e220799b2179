package com.storystudio.batch.generation;

/**
 * Where a scene the window took up stands (docs/architecture.md, "One scene"). Only
 * {@link SceneLifecycle} moves a scene from one state to the next.
 */
enum SceneState {

    /** Taken up by this run, not yet sent to RunPod. */
    PENDING,
    /** Its ledger row is written and its {@code /run} is on its way: after a crash now, RunPod may or may not have the job. */
    SUBMITTING,
    /** RunPod accepted its job (or an earlier run's job was re-attached) and has not been seen running it. */
    QUEUED,
    /** RunPod was seen running its job. */
    RUNNING,
    /** Its last job ended without a video; it is submitted again when its back-off is over. */
    WAITING_TO_RETRY,
    /** It has its video. */
    FINISHED,
    /** It failed for good in this run (the next run of the same command tries again). */
    FAILED;

    /** Waiting to be sent to RunPod, as new or again. */
    boolean awaitsSubmission() {
        return this == PENDING || this == WAITING_TO_RETRY;
    }

    /** Has a job on RunPod that is not known to have ended. */
    boolean hasRemoteJob() {
        return this == QUEUED || this == RUNNING;
    }
}
