package com.storystudio.batch.generation;

import com.storystudio.batch.ledger.RemoteEnd;
import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.logging.LogFields;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.runpod.SubmittedJob;

/**
 * The ledger writes of a scene's life, each told to the {@link SceneEvents} once it has committed: the metrics
 * then count what the ledger holds, and the lifecycle has one object to write to.
 */
final class SceneRecords {

    private final SubmissionLedger ledger;
    private final SceneEvents events;

    SceneRecords(SubmissionLedger ledger, SceneEvents events) {
        this.ledger = ledger;
        this.events = events;
    }

    Submission begin(long jobInstanceId, String sceneId, int attempt, String fingerprint, String endpointId, Double audioSeconds) {
        return ledger.begin(jobInstanceId, sceneId, attempt, fingerprint, endpointId, audioSeconds);
    }

    void accepted(Submission row, SubmittedJob job) {
        ledger.accepted(row.id(), job.id(), job.status().name(), job.unansweredAttempts());
        // Learnt in the middle of the scene's turn; the window's scope of the scene's fields ends it.
        LogFields.set(LogFields.RUNPOD_JOB_ID, job.id());
        events.submitted(row.attempt(), job.unansweredAttempts());
    }

    void notSubmitted(long id, int unansweredAttempts, String reason) {
        ledger.notSubmitted(id, unansweredAttempts, reason);
    }

    void completed(long id, RemoteEnd remote, String videoUrl, Double generationTime, Double videoSizeMb) {
        ledger.completed(id, remote, videoUrl, generationTime, videoSizeMb);
        events.jobEnded(SubmissionState.COMPLETED, remote);
    }

    void ended(long id, SubmissionState state, RemoteEnd remote, String error) {
        ledger.ended(id, state, remote, error);
        events.jobEnded(state, remote);
    }

    int possibleDuplicates(long jobInstanceId, String sceneId) {
        return ledger.possibleDuplicates(jobInstanceId, sceneId);
    }

    /** The scene's outcome in this run, told as it is handed on. */
    SceneResult finished(SceneResult result) {
        events.sceneEnded(result.status(), result.reusedFrom() != null);
        return result;
    }
}
