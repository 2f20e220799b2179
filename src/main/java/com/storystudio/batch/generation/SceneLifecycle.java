package com.storystudio.batch.generation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.ledger.RemoteEnd;
import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.runpod.JobOutput;
import com.storystudio.batch.runpod.JobStatus;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodRejectedException;
import com.storystudio.batch.runpod.RunPodUnavailableException;
import com.storystudio.batch.runpod.SubmittedJob;
import com.storystudio.batch.scene.Scene;

/**
 * The life of a scene in a run (docs/architecture.md, "One scene"), as transitions between
 * {@link SceneState}s: each takes what RunPod said, writes the ledger, and says what happens next
 * ({@link NextStep}). The window makes the calls and keeps the schedule; what an answer means is decided here.
 *
 * <p>Every ledger write commits on its own before the transition returns: a job id RunPod handed out, or
 * a video it delivered, survives a crash a moment later.
 */
final class SceneLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SceneLifecycle.class);
    /** The back-off doubles with each resubmission, up to 2^10 times the first. */
    private static final int MAX_BACKOFF_DOUBLINGS = 10;

    private final SceneRecords ledger;
    private final FailureClassifier classifier;
    private final GenerationSettings settings;
    private final InlineVideoStore videos;
    private final long jobInstanceId;
    private final FailureBudget failures;
    private final PollCadence cadence;
    private final Clock clock;
    /** Whether RunPod accepted a job of this run: after that, a 400 on {@code /run} is about the scene, not the address. */
    private boolean anyAccepted;

    SceneLifecycle(SubmissionLedger ledger, FailureClassifier classifier, GenerationSettings settings, InlineVideoStore videos,
                   long jobInstanceId, Clock clock, SceneEvents events) {
        this.ledger = new SceneRecords(ledger, events);
        this.classifier = classifier;
        this.settings = settings;
        this.videos = videos;
        this.jobInstanceId = jobInstanceId;
        this.failures = new FailureBudget(settings.stopAfterFailures(), settings.maxFailedShare());
        this.cadence = new PollCadence(settings.pollInterval(), settings.maxPollInterval());
        this.clock = clock;
    }

    /** Why the run should stop submitting, once its failures look systematic. */
    Optional<String> systematicFailure() {
        return failures.exceeded();
    }

    // pending: where a scene starts

    /** A scene whose inputs cannot even be read fails at once, without a remote job. */
    SceneResult unreadable(Scene scene, IOException e) {
        InFlightScene entry = InFlightScene.unreadable(scene, clock.instant());
        entry.failed();
        return result(entry, SceneStatus.FAILED, null, null, null, "cannot read the scene's input: " + e.getMessage(), null);
    }

    /** Where the scene starts, as {@link SceneResumption} decided from the earlier runs. */
    NextStep start(InFlightScene scene, SceneStart start) {
        Submission earlier = start.earlier();
        return switch (start.way()) {
            // Recorded by a run that died before its chunk committed: the video is paid for.
            case RECORDED -> videoFromEarlierJob(scene, earlier, null);
            case REUSE -> videoFromEarlierJob(scene, earlier, earlier.remoteJobId());
            case REATTACH -> {
                scene.reattached(earlier.id(), earlier.remoteJobId(),
                        earlier.acceptedAt() == null ? earlier.startedAt() : earlier.acceptedAt(), cadence.first());
                yield new NextStep.PollAt(scene.dueAt());
            }
            case SUBMIT -> new NextStep.SubmitAt(scene.dueAt());
        };
    }

    private NextStep videoFromEarlierJob(InFlightScene scene, Submission job, String reusedFrom) {
        scene.videoFrom(job.remoteJobId());
        scene.finished();
        return new NextStep.Finished(result(scene, SceneStatus.COMPLETED, job.videoUrl(), job.generationTime(), job.videoSizeMb(),
                null, reusedFrom));
    }

    // submitting

    /** Its media could not be read for the request. */
    NextStep unreadable(InFlightScene scene, IOException e) {
        return fail(scene, "cannot read the scene's input: " + e.getMessage());
    }

    /** Written before {@code /run} is sent: from now on RunPod may hold a job for the scene. */
    Submission submitting(InFlightScene scene) {
        Submission row = ledger.begin(jobInstanceId, scene.sceneId(), scene.nextAttempt(), scene.fingerprint(), settings.endpointId(),
                scene.audioSeconds());
        scene.submitting();
        return row;
    }

    /** {@code /run} answered with a job id. */
    NextStep accepted(InFlightScene scene, Submission row, SubmittedJob job) {
        ledger.accepted(row, job);
        anyAccepted = true;
        if (job.unansweredAttempts() > 0) {
            log.warn("Scene {}: {} earlier /run attempt(s) got no answer; RunPod may run (and bill) them besides job {}",
                    scene.sceneId(), job.unansweredAttempts(), job.id());
        }
        Instant now = clock.instant();
        scene.attached(row.id(), job.id(), job.status(), now, cadence.first());
        log.info("Scene {}: submitted as RunPod job {} (attempt {})", scene.sceneId(), job.id(), row.attempt());
        return new NextStep.PollAt(now.plus(scene.pollWait()));
    }

    /**
     * {@code /run} was refused: the scene fails, unless the refusal is about the run ({@link RunRefusal}).
     *
     * @param runUrl the URL the refused {@code /run} was sent to, for the message of a configuration error
     * @throws RunPodConfigurationException when every request of the run would be refused the same way: nothing
     *         more is submitted, and no scene fails for it
     */
    NextStep refused(InFlightScene scene, Submission row, RunPodRejectedException e, String runUrl) {
        ledger.notSubmitted(row.id(), 0, e.getMessage());
        RunRefusal.configurationError(e, anyAccepted, runUrl).ifPresent(error -> {
            throw error;
        });
        return fail(scene, "RunPod refused the request: " + e.getMessage());
    }

    /** RunPod stayed unreachable: the step ends, and attempts that broke after sending are counted. */
    void unreachable(Submission row, RunPodUnavailableException e) {
        ledger.notSubmitted(row.id(), e.unansweredAttempts(), e.getMessage());
    }

    // queued, running

    /** What {@code /status} said about the scene's job. */
    NextStep statusSeen(InFlightScene scene, JobStatus status, boolean endpointCounting) {
        if (status.status().isTerminal()) {
            return ended(scene, status);
        }
        Instant now = clock.instant();
        boolean changed = status.status() != scene.lastStatus();
        if (changed) {
            log.info("Scene {}: job {} is {}", scene.sceneId(), scene.remoteJobId(), status.rawStatus());
        }
        Duration age = Duration.between(scene.acceptedAt(), now);
        if (age.compareTo(settings.sceneDeadline()) > 0) {
            // Past its deadline a job only costs money: cancel it and try again.
            return new NextStep.Cancel("still %s %s after it was submitted (deadline %s)".formatted(status.rawStatus(),
                    age.withNanos(0), settings.sceneDeadline()));
        }
        scene.seen(status.status(), now, cadence.next(scene.pollWait(), status.status(), changed, endpointCounting));
        return new NextStep.PollAt(now.plus(scene.pollWait()));
    }

    /**
     * {@code /status} answered 404 for a job RunPod had accepted. The first answer about a job an earlier run left
     * in flight: it ran unseen and its result expired (RunPod keeps it 30 minutes), which says nothing about the
     * scene, so it goes back to the queue at once, counted neither as a failure nor as an attempt of this run.
     * A job this run was watching: lost from RunPod's queue, a failed attempt.
     */
    NextStep gone(InFlightScene scene) {
        if (scene.reattachedUnseen()) {
            String reason = "RunPod no longer knows job %s from an earlier run: its result expired before it was collected; "
                    .formatted(scene.remoteJobId()) + "it may have been paid for";
            ledger.ended(scene.ledgerId(), SubmissionState.EXPIRED, RemoteEnd.of(null), reason);
            log.warn("Scene {}: {}; submitting it again", scene.sceneId(), reason);
            scene.detached();
            return new NextStep.Requeue();
        }
        String reason = "RunPod no longer knows job " + scene.remoteJobId();
        ledger.ended(scene.ledgerId(), SubmissionState.VANISHED, RemoteEnd.of(null), reason);
        failures.attemptFailed(reason);
        return retryLater(scene, reason);
    }

    /** The job that passed its deadline ({@link NextStep.Cancel}) was cancelled on RunPod. */
    NextStep cancelled(InFlightScene scene, String remoteStatus, String reason) {
        recordCancelled(scene.sceneId(), scene.ledgerId(), scene.remoteJobId(), remoteStatus, "cancelled: " + reason);
        failures.attemptFailed(reason);
        return retryLater(scene, reason);
    }

    /** The run was stopped with {@code --cancel-on-stop}, and the scene's job cancelled on RunPod. */
    void cancelledOnStop(InFlightScene scene, String remoteStatus) {
        recordCancelled(scene.sceneId(), scene.ledgerId(), scene.remoteJobId(), remoteStatus,
                "cancelled: the run was stopped with --cancel-on-stop");
    }

    /** An earlier run's job for media that have since changed was cancelled on RunPod. */
    void outdatedCancelled(Submission outdated, String remoteStatus) {
        recordCancelled(outdated.sceneId(), outdated.id(), outdated.remoteJobId(), remoteStatus, "cancelled: the scene's inputs changed");
    }

    private void recordCancelled(String sceneId, long ledgerId, String remoteJobId, String remoteStatus, String reason) {
        ledger.ended(ledgerId, SubmissionState.CANCELLED, RemoteEnd.of(remoteStatus), reason);
        log.info("Scene {}: RunPod job {} {}", sceneId, remoteJobId, reason);
    }

    // finished, waiting to retry, failed

    private NextStep ended(InFlightScene scene, JobStatus status) {
        return switch (status.status()) {
            case COMPLETED -> completed(scene, status);
            case FAILED -> {
                String error = status.error() != null ? status.error() : "FAILED on RunPod without a reason";
                ledger.ended(scene.ledgerId(), SubmissionState.FAILED, reported(status), error);
                failures.attemptFailed(error);
                yield classifier.isPermanent(error) ? fail(scene, error) : retryLater(scene, "failed: " + error);
            }
            case TIMED_OUT -> {
                ledger.ended(scene.ledgerId(), SubmissionState.TIMED_OUT, reported(status), status.error());
                failures.attemptFailed("timed out");
                yield retryLater(scene, "timed out" + (status.error() == null ? "" : ": " + status.error()));
            }
            case CANCELLED -> {
                ledger.ended(scene.ledgerId(), SubmissionState.CANCELLED, reported(status), status.error());
                failures.attemptFailed("cancelled on RunPod");
                yield fail(scene, "cancelled on RunPod");
            }
            default -> throw new IllegalStateException("not an end: " + status.status());
        };
    }

    private NextStep completed(InFlightScene scene, JobStatus status) {
        JobOutput output = status.output();
        if (output == null || !output.hasVideo()) {
            String reason = "completed without a video in its output";
            ledger.ended(scene.ledgerId(), SubmissionState.FAILED, reported(status), reason);
            failures.attemptFailed(reason);
            return retryLater(scene, reason);
        }
        boolean linked = output.videoUrl() != null && !output.videoUrl().isBlank();
        if (linked && !VideoLink.isWebAddress(output.videoUrl())) {
            // Nothing to download: a worker that answers so will answer so again.
            String reason = "completed with a video_url that is not an http(s) URL: " + VideoLink.shown(output.videoUrl());
            ledger.ended(scene.ledgerId(), SubmissionState.FAILED, reported(status), reason);
            failures.attemptFailed(reason);
            return fail(scene, reason);
        }
        String videoUrl = linked ? output.videoUrl() : videos.save(scene.sceneId(), scene.remoteJobId(), output.inlineVideoBase64());
        // Recorded the moment it is seen: RunPod forgets the output 30 minutes after completion.
        ledger.completed(scene.ledgerId(), reported(status), videoUrl, output.generationTime(), output.videoSizeMb());
        failures.attemptSucceeded();
        if (scene.attemptsThisRun() > 0) {
            failures.sceneFinished(false);
        }
        scene.finished();
        log.info("Scene {}: COMPLETED {}", scene.sceneId(), videoUrl);
        return new NextStep.Finished(result(scene, SceneStatus.COMPLETED, videoUrl, output.generationTime(), output.videoSizeMb(),
                null, null));
    }

    private NextStep retryLater(InFlightScene scene, String reason) {
        scene.detached();
        if (scene.attemptsThisRun() >= settings.maxAttempts()) {
            return fail(scene, "gave up after %d attempts; last error: %s".formatted(scene.attemptsThisRun(), reason));
        }
        Duration delay = settings.resubmitDelay()
                .multipliedBy(1L << Math.min(Math.max(scene.attemptsThisRun() - 1, 0), MAX_BACKOFF_DOUBLINGS));
        log.warn("Scene {}: {}; submitting again in {} ms (attempt {} of {} in this run)", scene.sceneId(), reason,
                delay.toMillis(), scene.attemptsThisRun() + 1, settings.maxAttempts());
        return new NextStep.SubmitAt(clock.instant().plus(delay));
    }

    private NextStep fail(InFlightScene scene, String reason) {
        failures.sceneFinished(true);
        scene.failed();
        log.warn("Scene {}: FAILED: {}", scene.sceneId(), reason);
        return new NextStep.Finished(result(scene, SceneStatus.FAILED, null, null, null, reason, null));
    }

    private SceneResult result(InFlightScene scene, SceneStatus status, String videoUrl, Double generationTime, Double videoSizeMb,
                               String error, String reusedFrom) {
        Scene s = scene.scene();
        return ledger.finished(new SceneResult(s.position(), s.sceneId(), status, videoUrl, scene.lastRemoteJobId(), generationTime, videoSizeMb,
                s.resolution().value(), s.sampleSteps(), scene.attempts(), error, scene.fingerprint(), reusedFrom,
                ledger.possibleDuplicates(jobInstanceId, s.sceneId()), null));
    }

    /** RunPod's word for the end, and its timings: written with the end itself. */
    private static RemoteEnd reported(JobStatus status) {
        return new RemoteEnd(status.rawStatus(), status.delayTimeMs(), status.executionTimeMs());
    }
}
