package com.storystudio.batch.generation;

import java.time.Duration;
import java.time.Instant;

import com.storystudio.batch.runpod.RemoteStatus;
import com.storystudio.batch.scene.Scene;

/** A scene the window is working on: its current remote job, or the (re)submission it waits for. */
final class InFlightScene {

    final Scene scene;
    final String fingerprint;
    /** The number the next attempt gets: attempts are numbered across all runs of the same input. */
    int nextAttempt;
    int attemptsThisRun;
    /** Ledger row and RunPod id of the current remote job; null while waiting to (re)submit. */
    Long ledgerId;
    String remoteJobId;
    /** The last remote job's id, kept for the results after it ended. */
    String lastRemoteJobId;
    RemoteStatus lastStatus;
    String lastError;
    /** When the current remote job was accepted: the scene deadline counts from here. */
    Instant acceptedAt;
    /** The earlier RunPod job whose video the scene reuses, if it does. */
    String reusedFrom;
    /** When the next poll or submission is due. */
    Instant dueAt;
    /** The wait before the poll now due (see {@link PollCadence}). */
    Duration pollWait;
    /** When the current remote job was first seen running; null while it was not. */
    Instant runningSince;

    InFlightScene(Scene scene, String fingerprint, int nextAttempt, Instant dueAt) {
        this.scene = scene;
        this.fingerprint = fingerprint;
        this.nextAttempt = nextAttempt;
        this.dueAt = dueAt;
    }

    boolean awaitingSubmission() {
        return remoteJobId == null;
    }

    void attach(long ledgerId, String remoteJobId, RemoteStatus status, Instant acceptedAt) {
        this.ledgerId = ledgerId;
        this.acceptedAt = acceptedAt;
        this.remoteJobId = remoteJobId;
        this.lastRemoteJobId = remoteJobId;
        this.lastStatus = status;
        this.runningSince = null;
    }

    void detach(String error) {
        this.ledgerId = null;
        this.remoteJobId = null;
        this.lastError = error;
    }

    int attempts() {
        return nextAttempt - 1;
    }
}
