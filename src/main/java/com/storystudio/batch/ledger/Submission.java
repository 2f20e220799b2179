package com.storystudio.batch.ledger;

import java.time.Instant;

/** One row of the ledger: one remote job (attempt) of one scene in one job instance. */
public record Submission(long id, long jobInstanceId, String sceneId, int attempt, String fingerprint,
                         SubmissionState state, String remoteJobId, String remoteStatus, int unansweredAttempts,
                         String videoUrl, Double generationTime, Double videoSizeMb, String error,
                         Instant startedAt, Instant acceptedAt, Instant finishedAt) {
}
