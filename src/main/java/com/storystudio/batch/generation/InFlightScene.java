package com.storystudio.batch.generation;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalDouble;

import com.storystudio.batch.logging.LogFields;
import com.storystudio.batch.runpod.RemoteStatus;
import com.storystudio.batch.scene.Scene;

/**
 * A scene the window took up, and what the run knows of it: its state, its current remote job, its
 * attempts, when it is next due. Its state changes only through {@link SceneLifecycle}; the window
 * reads it and keeps the schedule ({@link #dueAt()}).
 */
final class InFlightScene {

    /** The jobs most likely to have ended: the longest running first, then the longest queued. */
    static final Comparator<InFlightScene> LIKELIEST_ENDED = Comparator
            .comparing((InFlightScene scene) -> scene.runningSince() == null)
            .thenComparing(InFlightScene::runningSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(InFlightScene::acceptedAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private final Scene scene;
    private final String fingerprint;
    private final OptionalDouble audioSeconds;
    private SceneState state = SceneState.PENDING;
    /** The number the next attempt gets: attempts are numbered across all runs of the same input. */
    private int nextAttempt;
    private int attemptsThisRun;
    /** Ledger row and RunPod id of the current remote job; null while there is none. */
    private Long ledgerId;
    private String remoteJobId;
    /** The last remote job's id, kept for the results after it ended. */
    private String lastRemoteJobId;
    private RemoteStatus lastStatus;
    /** When the current remote job was accepted: the scene deadline counts from here. */
    private Instant acceptedAt;
    /** When the current remote job was first seen running; null while it was not. */
    private Instant runningSince;
    /** The wait before the poll now due (see {@link PollCadence}). */
    private Duration pollWait;
    /** When the next poll or submission is due. */
    private Instant dueAt;
    /** Its job was left in flight by an earlier run, and this run has had no answer about it yet. */
    private boolean reattachedUnseen;

    /** @param audioSeconds its audio's length as the run read it, if it could */
    InFlightScene(Scene scene, String fingerprint, int nextAttempt, Instant dueAt, OptionalDouble audioSeconds) {
        this.scene = scene;
        this.audioSeconds = audioSeconds;
        this.fingerprint = fingerprint;
        this.nextAttempt = nextAttempt;
        this.dueAt = dueAt;
    }

    /** A scene whose inputs could not be read: it never gets a job, nor a length. */
    static InFlightScene unreadable(Scene scene, Instant now) {
        return new InFlightScene(scene, "", 1, now, OptionalDouble.empty());
    }

    Scene scene() {
        return scene;
    }

    String sceneId() {
        return scene.sceneId();
    }

    String fingerprint() {
        return fingerprint;
    }

    /**
     * How long its audio plays, recorded with each submission for the estimate to learn from; null when unknown:
     * as the run read it before it started (a local file's header, a remote file's first bytes).
     */
    Double audioSeconds() {
        return audioSeconds.isPresent() ? audioSeconds.getAsDouble() : null;
    }

    boolean awaitsSubmission() {
        return state.awaitsSubmission();
    }

    /** Whether a job was attached to it in this run (submitted or re-attached), rather than a video taken from an earlier one. */
    boolean hasRemoteJobOfThisRun() {
        return remoteJobId != null;
    }

    boolean hasRemoteJob() {
        return state.hasRemoteJob();
    }

    /** Whether its job comes from an earlier run and this run has not yet heard of it: RunPod may have forgotten it. */
    boolean reattachedUnseen() {
        return reattachedUnseen;
    }

    /** Waiting to be submitted, or may be submitted at once: its job from an earlier run may be gone. */
    boolean maySubmit() {
        return awaitsSubmission() || reattachedUnseen;
    }

    int nextAttempt() {
        return nextAttempt;
    }

    int attemptsThisRun() {
        return attemptsThisRun;
    }

    /** Remote jobs the scene was given, over all runs of this input. */
    int attempts() {
        return nextAttempt - 1;
    }

    Long ledgerId() {
        return ledgerId;
    }

    /** The scene's fields for the log lines of its turn (logging.LogFields). */
    Map<String, String> logFields() {
        return LogFields.scene(sceneId(), remoteJobId());
    }

    String remoteJobId() {
        return remoteJobId;
    }

    String lastRemoteJobId() {
        return lastRemoteJobId;
    }

    RemoteStatus lastStatus() {
        return lastStatus;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    Instant runningSince() {
        return runningSince;
    }

    Duration pollWait() {
        return pollWait;
    }

    Instant dueAt() {
        return dueAt;
    }

    void dueAt(Instant when) {
        dueAt = when;
    }

    // Transitions, called by SceneLifecycle only.

    void submitting() {
        state = SceneState.SUBMITTING;
        nextAttempt++;
        attemptsThisRun++;
    }

    /** Its job from an earlier run may still be on RunPod, or may have been forgotten: the first answer tells. */
    void reattached(long ledgerRow, String jobId, Instant accepted, Duration firstWait) {
        attached(ledgerRow, jobId, null, accepted, firstWait);
        reattachedUnseen = true;
    }

    /** Its job is on RunPod: just accepted (or re-attached, see {@link #reattached}). */
    void attached(long ledgerRow, String jobId, RemoteStatus status, Instant accepted, Duration firstWait) {
        state = SceneState.QUEUED;
        reattachedUnseen = false;
        ledgerId = ledgerRow;
        remoteJobId = jobId;
        lastRemoteJobId = jobId;
        lastStatus = status;
        acceptedAt = accepted;
        runningSince = null;
        pollWait = firstWait;
    }

    /** What a {@code /status} said about its job, which is still queued or running. */
    void seen(RemoteStatus status, Instant now, Duration nextWait) {
        reattachedUnseen = false;
        if (status == RemoteStatus.IN_PROGRESS && runningSince == null) {
            runningSince = now;
            state = SceneState.RUNNING;
        }
        lastStatus = status;
        pollWait = nextWait;
    }

    /** Its job ended without a video: no job on RunPod until it is submitted again. */
    void detached() {
        state = SceneState.WAITING_TO_RETRY;
        reattachedUnseen = false;
        ledgerId = null;
        remoteJobId = null;
    }

    /** Its video comes from an earlier job rather than from one of this run. */
    void videoFrom(String jobId) {
        lastRemoteJobId = jobId;
    }

    void finished() {
        state = SceneState.FINISHED;
    }

    void failed() {
        state = SceneState.FAILED;
    }
}
