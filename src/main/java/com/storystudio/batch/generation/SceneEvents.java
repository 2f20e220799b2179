package com.storystudio.batch.generation;

import com.storystudio.batch.ledger.RemoteEnd;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.result.SceneStatus;

/**
 * What happened to the scenes of a run, as it happens, for whoever counts it (the metrics) without the
 * window knowing who does. Called on the window's thread right after the ledger was written; an
 * implementation must be quick and must not throw.
 */
public interface SceneEvents {

    /** Tells no one: the window on its own, in tests. */
    SceneEvents NONE = new SceneEvents() {
        @Override
        public void submitted(int attempt, int unansweredAttempts) {
        }

        @Override
        public void jobEnded(SubmissionState state, RemoteEnd end) {
        }

        @Override
        public void sceneEnded(SceneStatus status, boolean reused) {
        }
    };

    /**
     * RunPod accepted a job for a scene.
     *
     * @param attempt            the scene's attempt number over all runs of the input: above 1, a resubmission
     * @param unansweredAttempts earlier {@code /run} attempts of this call whose answer was lost: possible duplicates
     */
    void submitted(int attempt, int unansweredAttempts);

    /** A remote job ended (or was found gone), with what RunPod reported of its queue and execution time. */
    void jobEnded(SubmissionState state, RemoteEnd end);

    /** A scene has its outcome in this run; {@code reused}: its video came from another job than one of its own. */
    void sceneEnded(SceneStatus status, boolean reused);
}
