package com.storystudio.batch.generation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;

import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.result.FinishedScenes;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.runpod.GenerationInput;
import com.storystudio.batch.runpod.JobOutput;
import com.storystudio.batch.runpod.JobStatus;
import com.storystudio.batch.runpod.RunPodException;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.RunPodRejectedException;
import com.storystudio.batch.runpod.RemoteStatus;
import com.storystudio.batch.runpod.RunPodUnavailableException;
import com.storystudio.batch.runpod.SubmittedJob;
import com.storystudio.batch.scene.Scene;
import com.storystudio.batch.scene.SceneFingerprint;

/**
 * Drives the scenes of one run through RunPod: keeps up to {@code maxInFlight} of them submitted
 * and watched, and hands out each scene's final result as soon as it has one, in the order they
 * finish. Single-threaded: one loop submits, polls every job that is due and sleeps until the next
 * one is.
 *
 * <p>Every remote job is in the {@link SubmissionLedger} before and after {@code /run}, so a scene
 * whose job is still alive from an earlier (crashed or failed) run is polled again, not paid for again.
 */
public class GenerationWindow {

    private static final Logger log = LoggerFactory.getLogger(GenerationWindow.class);

    /** Longest single sleep, so that a stop request is noticed promptly. */
    private static final Duration WAIT_SLICE = Duration.ofMillis(250);

    private final RunPodJobs jobs;
    private final SubmissionLedger ledger;
    private final SceneRequestFactory requests;
    private final FailureClassifier classifier;
    private final GenerationSettings settings;
    private final Clock clock;
    private final InlineVideoStore videos;
    private final long jobInstanceId;
    private final SubmissionQueue scenes;
    private final RunOptions options;
    private final BooleanSupplier stopRequested;
    private final FailureBudget failures;
    private final PollCadence cadence;
    private final EndpointWatch watch;
    private final RunTail tail;
    private boolean inTail;

    private final List<InFlightScene> inFlight = new ArrayList<>();
    private final ArrayDeque<SceneResult> finished = new ArrayDeque<>();

    GenerationWindow(RunPodJobs jobs, SubmissionLedger ledger, SceneRequestFactory requests, FailureClassifier classifier,
                     GenerationSettings settings, Clock clock, InlineVideoStore videos, long jobInstanceId,
                     SubmissionQueue scenes, RunOptions options, BooleanSupplier stopRequested, RunTail tail) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.requests = requests;
        this.classifier = classifier;
        this.settings = settings;
        this.clock = clock;
        this.videos = videos;
        this.jobInstanceId = jobInstanceId;
        this.scenes = scenes;
        this.options = options;
        this.stopRequested = stopRequested;
        this.failures = new FailureBudget(settings.stopAfterFailures(), settings.maxFailedShare());
        this.cadence = new PollCadence(settings.pollInterval(), settings.maxPollInterval());
        this.watch = new EndpointWatch(jobs, settings.pollInterval(), clock);
        this.tail = tail;
    }

    /**
     * The next scene to reach its final result, waiting for it as long as it takes.
     *
     * @return null when every scene has its result
     * @throws JobInterruptedException when the run is asked to stop; remote jobs are left running
     *                                 and are picked up again by the restart (or cancelled, if asked)
     * @throws SystematicFailureException when failures look systematic: nothing more is submitted
     */
    public SceneResult next() throws JobInterruptedException {
        while (finished.isEmpty()) {
            if (stopRequested.getAsBoolean()) {
                stop();
            }
            Optional<String> systematic = failures.exceeded();
            if (systematic.isPresent()) {
                throw new SystematicFailureException(systematic.get());
            }
            fill();
            if (!finished.isEmpty()) {
                break;
            }
            if (inFlight.isEmpty()) {
                return null;
            }
            Instant now = clock.instant();
            if (!watch.dueAt().isAfter(now)) {
                askAboutEndedJobs();
            }
            for (InFlightScene scene : List.copyOf(inFlight)) {
                if (inFlight.contains(scene) && !scene.dueAt.isAfter(now)) {
                    advance(scene);
                }
            }
            if (finished.isEmpty()) {
                waitForNextDue();
            }
        }
        return finished.poll();
    }

    /**
     * Every scene that has reached its final result by now, waiting for the first as long as it takes.
     *
     * @return null when every scene has its result
     * @see #next()
     */
    public FinishedScenes nextFinished() throws JobInterruptedException {
        SceneResult first = next();
        if (first == null) {
            return null;
        }
        List<SceneResult> all = new ArrayList<>(1 + finished.size());
        all.add(first);
        while (!finished.isEmpty()) {
            all.add(finished.poll());
        }
        return new FinishedScenes(all);
    }

    /**
     * Asks about the jobs most likely to have ended, as many as the endpoint's counts say have: the
     * longest running first, then the longest queued.
     */
    private void askAboutEndedJobs() {
        List<InFlightScene> waiting = inFlight.stream().filter(scene -> !scene.awaitingSubmission()).toList();
        int ended = watch.ended(waiting.size()).orElse(0);
        if (ended == 0) {
            return;
        }
        List<InFlightScene> likeliest = waiting.stream().sorted(LIKELIEST_ENDED).toList();
        int found = 0;
        for (Iterator<InFlightScene> candidates = likeliest.iterator(); found < ended && candidates.hasNext(); ) {
            if (poll(candidates.next())) {
                found++;
            }
        }
    }

    private static final Comparator<InFlightScene> LIKELIEST_ENDED = Comparator
            .comparing((InFlightScene scene) -> scene.runningSince == null)
            .thenComparing(scene -> scene.runningSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(scene -> scene.acceptedAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private void stop() throws JobInterruptedException {
        if (options.cancelOnStop()) {
            for (InFlightScene scene : inFlight) {
                if (!scene.awaitingSubmission()) {
                    cancel(scene, "cancelled: the run was stopped with --cancel-on-stop");
                }
            }
        }
        long running = inFlight.stream().filter(scene -> !scene.awaitingSubmission()).count();
        throw new JobInterruptedException(options.cancelOnStop()
                ? "Stopped; %d remote job(s) in flight were cancelled".formatted(running)
                : "Stopped; %d remote job(s) in flight are left to finish and are picked up by the next run".formatted(running));
    }

    private void cancel(InFlightScene scene, String reason) {
        cancel(scene.scene.sceneId(), scene.ledgerId, scene.remoteJobId, reason);
    }

    /** Cancels a remote job so that it stops billing; one RunPod no longer knows has ended already. */
    private void cancel(String sceneId, long ledgerId, String remoteJobId, String reason) {
        String status = null;
        try {
            status = jobs.cancel(remoteJobId).rawStatus();
        }
        catch (RunPodRejectedException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        ledger.ended(ledgerId, SubmissionState.CANCELLED, status, reason);
        log.info("Scene {}: RunPod job {} {}", sceneId, remoteJobId, reason);
    }

    private void fill() {
        // A live job from an earlier run is attached even beyond the window: it is paid for already, and
        // left waiting for a slot its result could expire on RunPod.
        while ((inFlight.size() < settings.maxInFlight() || scenes.nextHasLiveJob()) && scenes.hasNext()) {
            start(scenes.next());
        }
        if (!inTail && !scenes.hasNext() && inFlight.stream().noneMatch(InFlightScene::awaitingSubmission)) {
            inTail = true;
            tail.everySceneSubmitted();
        }
    }

    private void start(Scene scene) {
        String fingerprint;
        try {
            fingerprint = SceneFingerprint.of(scene);
        }
        catch (IOException e) {
            finished.add(result(new InFlightScene(scene, "", 1, clock.instant()), SceneStatus.FAILED, null, null,
                    "cannot read the scene's input: " + e.getMessage()));
            return;
        }
        Optional<Submission> latest = ledger.latest(jobInstanceId, scene.sceneId());
        InFlightScene entry = new InFlightScene(scene, fingerprint, latest.map(s -> s.attempt() + 1).orElse(1), clock.instant());
        if (latest.isPresent() && !latest.get().fingerprint().equals(fingerprint) && latest.get().state().isLive()) {
            cancelOutdated(scene, latest.get());
        }
        if (latest.isPresent() && latest.get().fingerprint().equals(fingerprint)) {
            Submission last = latest.get();
            if (last.state() == SubmissionState.COMPLETED) {
                // Recorded by a run that died before its chunk committed: the video is paid for.
                entry.lastRemoteJobId = last.remoteJobId();
                finished.add(result(entry, SceneStatus.COMPLETED, last.videoUrl(), new JobOutput(last.videoUrl(), null,
                        last.generationTime(), last.videoSizeMb(), null, null), null));
                return;
            }
            if (last.state().isLive()) {
                log.info("Scene {}: re-attaching to RunPod job {} from an earlier run (attempt {})", scene.sceneId(),
                        last.remoteJobId(), last.attempt());
                entry.attach(last.id(), last.remoteJobId(), null, last.acceptedAt() == null ? last.startedAt() : last.acceptedAt());
                entry.pollWait = cadence.first();
                inFlight.add(entry);
                return;
            }
            if (last.state() == SubmissionState.SUBMITTING) {
                log.warn("Scene {}: an earlier run died while submitting it (attempt {}); RunPod may hold a job for it that "
                        + "cannot be seen, so it is submitted again and counted as a possible duplicate", scene.sceneId(), last.attempt());
            }
        }
        if (options.reuseEarlierVideos()) {
            Optional<Submission> earlier = ledger.latestCompleted(fingerprint, settings.endpointId());
            if (earlier.isPresent()) {
                Submission done = earlier.get();
                log.info("Scene {}: same content as a scene already generated (RunPod job {}); reusing its video", scene.sceneId(),
                        done.remoteJobId());
                entry.lastRemoteJobId = done.remoteJobId();
                entry.reusedFrom = done.remoteJobId();
                finished.add(result(entry, SceneStatus.COMPLETED, done.videoUrl(), new JobOutput(done.videoUrl(), null,
                        done.generationTime(), done.videoSizeMb(), null, null), null));
                return;
            }
        }
        inFlight.add(entry);
        submit(entry);
    }

    /** The scene's media changed since its job was submitted: that job would bill for a video nobody wants. */
    private void cancelOutdated(Scene scene, Submission outdated) {
        log.warn("Scene {}: its inputs changed since RunPod job {} was submitted; cancelling that job and submitting the new inputs",
                scene.sceneId(), outdated.remoteJobId());
        cancel(scene.sceneId(), outdated.id(), outdated.remoteJobId(), "cancelled: the scene's inputs changed");
    }

    private void advance(InFlightScene scene) {
        if (scene.awaitingSubmission()) {
            submit(scene);
        }
        else {
            poll(scene);
        }
    }

    private void submit(InFlightScene scene) {
        if (scene.attemptsThisRun >= settings.maxAttempts()) {
            fail(scene, "gave up after %d attempts; last error: %s".formatted(scene.attemptsThisRun, scene.lastError));
            return;
        }
        GenerationInput input;
        try {
            input = requests.inputFor(scene.scene);
        }
        catch (IOException e) {
            fail(scene, "cannot read the scene's input: " + e.getMessage());
            return;
        }
        Submission row = ledger.begin(jobInstanceId, scene.scene.sceneId(), scene.nextAttempt, scene.fingerprint, settings.endpointId());
        scene.nextAttempt++;
        scene.attemptsThisRun++;
        SubmittedJob job;
        try {
            job = jobs.submit(input, settings.policy());
        }
        catch (RunPodRejectedException e) {
            ledger.notSubmitted(row.id(), 0, e.getMessage());
            if (e.isAuthenticationFailure() || e.isNotFound()) {
                throw new RunPodException("RunPod refused the submission of scene %s: %s%s".formatted(scene.scene.sceneId(),
                        e.getMessage(), e.isNotFound() ? " (is the endpoint id right?)" : " (is the API key right?)"), e);
            }
            fail(scene, "RunPod refused the request: " + e.getMessage());
            return;
        }
        catch (RunPodUnavailableException e) {
            ledger.notSubmitted(row.id(), e.unansweredAttempts(), e.getMessage());
            throw e;
        }
        ledger.accepted(row.id(), job.id(), job.status().name(), job.unansweredAttempts());
        if (job.unansweredAttempts() > 0) {
            log.warn("Scene {}: {} earlier /run attempt(s) got no answer; RunPod may run (and bill) them besides job {}",
                    scene.scene.sceneId(), job.unansweredAttempts(), job.id());
        }
        scene.attach(row.id(), job.id(), job.status(), clock.instant());
        scene.pollWait = cadence.first();
        scene.dueAt = clock.instant().plus(scene.pollWait);
        log.info("Scene {}: submitted as RunPod job {} (attempt {})", scene.scene.sceneId(), job.id(), row.attempt());
    }

    /** @return whether the job has ended (the scene is done, or waits to be submitted again) */
    private boolean poll(InFlightScene scene) {
        JobStatus status;
        try {
            status = jobs.status(scene.remoteJobId);
        }
        catch (RunPodRejectedException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            String reason = "RunPod no longer knows job " + scene.remoteJobId;
            ledger.ended(scene.ledgerId, SubmissionState.VANISHED, null, reason);
            failures.attemptFailed(reason);
            retryLater(scene, reason);
            return true;
        }
        if (status.status().isTerminal()) {
            ended(scene, status);
            return true;
        }
        if (status.status() == RemoteStatus.IN_PROGRESS && scene.runningSince == null) {
            scene.runningSince = clock.instant();
        }
        boolean changed = status.status() != scene.lastStatus;
        if (changed) {
            log.info("Scene {}: job {} is {}", scene.scene.sceneId(), scene.remoteJobId, status.rawStatus());
            scene.lastStatus = status.status();
        }
        if (Duration.between(scene.acceptedAt, clock.instant()).compareTo(settings.sceneDeadline()) > 0) {
            // Past its deadline a job only costs money: cancel it and try again.
            String reason = "still %s %s after it was submitted (deadline %s)".formatted(status.rawStatus(),
                    Duration.between(scene.acceptedAt, clock.instant()).withNanos(0), settings.sceneDeadline());
            cancel(scene, "cancelled: " + reason);
            failures.attemptFailed(reason);
            retryLater(scene, reason);
            return true;
        }
        scene.pollWait = cadence.next(scene.pollWait, status.status(), changed, watch.counting());
        scene.dueAt = clock.instant().plus(scene.pollWait);
        return false;
    }

    private void ended(InFlightScene scene, JobStatus status) {
        switch (status.status()) {
            case COMPLETED -> completed(scene, status);
            case FAILED -> {
                ledger.ended(scene.ledgerId, SubmissionState.FAILED, status.rawStatus(), status.error());
                failures.attemptFailed(status.error());
                if (classifier.isPermanent(status.error())) {
                    fail(scene, status.error());
                }
                else {
                    retryLater(scene, "failed: " + status.error());
                }
            }
            case TIMED_OUT -> {
                ledger.ended(scene.ledgerId, SubmissionState.TIMED_OUT, status.rawStatus(), status.error());
                failures.attemptFailed("timed out");
                retryLater(scene, "timed out" + (status.error() == null ? "" : ": " + status.error()));
            }
            case CANCELLED -> {
                ledger.ended(scene.ledgerId, SubmissionState.CANCELLED, status.rawStatus(), status.error());
                failures.attemptFailed("cancelled on RunPod");
                fail(scene, "cancelled on RunPod");
            }
            default -> throw new IllegalStateException("not an end: " + status.status());
        }
    }

    private void completed(InFlightScene scene, JobStatus status) {
        JobOutput output = status.output();
        if (output == null || !output.hasVideo()) {
            ledger.ended(scene.ledgerId, SubmissionState.FAILED, status.rawStatus(), "completed without a video in its output");
            failures.attemptFailed("completed without a video in its output");
            retryLater(scene, "completed without a video in its output");
            return;
        }
        String videoUrl = output.videoUrl() != null && !output.videoUrl().isBlank()
                ? output.videoUrl()
                : videos.save(scene.scene.sceneId(), scene.remoteJobId, output.inlineVideoBase64());
        // Recorded the moment it is seen: RunPod forgets the output 30 minutes after completion.
        ledger.completed(scene.ledgerId, status.rawStatus(), videoUrl, output.generationTime(), output.videoSizeMb());
        failures.attemptSucceeded();
        if (scene.attemptsThisRun > 0) {
            failures.sceneFinished(false);
        }
        inFlight.remove(scene);
        log.info("Scene {}: COMPLETED {}", scene.scene.sceneId(), videoUrl);
        finished.add(result(scene, SceneStatus.COMPLETED, videoUrl, output, null));
    }

    private void retryLater(InFlightScene scene, String reason) {
        scene.detach(reason);
        if (scene.attemptsThisRun >= settings.maxAttempts()) {
            fail(scene, "gave up after %d attempts; last error: %s".formatted(scene.attemptsThisRun, reason));
            return;
        }
        Duration delay = settings.resubmitDelay().multipliedBy(1L << Math.min(Math.max(scene.attemptsThisRun - 1, 0), 10));
        scene.dueAt = clock.instant().plus(delay);
        log.warn("Scene {}: {}; submitting again in {} ms (attempt {} of {} in this run)", scene.scene.sceneId(), reason,
                delay.toMillis(), scene.attemptsThisRun + 1, settings.maxAttempts());
    }

    private void fail(InFlightScene scene, String reason) {
        inFlight.remove(scene);
        failures.sceneFinished(true);
        log.warn("Scene {}: FAILED: {}", scene.scene.sceneId(), reason);
        finished.add(result(scene, SceneStatus.FAILED, null, null, reason));
    }

    private SceneResult result(InFlightScene scene, SceneStatus status, String videoUrl, JobOutput output, String error) {
        Scene s = scene.scene;
        return new SceneResult(s.position(), s.sceneId(), status, videoUrl, scene.lastRemoteJobId,
                output == null ? null : output.generationTime(), output == null ? null : output.videoSizeMb(),
                s.resolution().value(), s.sampleSteps(), scene.attempts(), error, scene.fingerprint, scene.reusedFrom,
                ledger.possibleDuplicates(jobInstanceId, s.sceneId()));
    }

    private void waitForNextDue() throws JobInterruptedException {
        Instant next = inFlight.stream().map(s -> s.dueAt).min(Instant::compareTo).orElseThrow();
        if (inFlight.stream().anyMatch(scene -> !scene.awaitingSubmission()) && watch.dueAt().isBefore(next)) {
            next = watch.dueAt();
        }
        long millis = Math.min(Duration.between(clock.instant(), next).toMillis(), WAIT_SLICE.toMillis());
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            // Not re-flagged: an interrupt flag left on this thread would make H2 close its file.
            throw new JobInterruptedException("Interrupted while waiting for RunPod");
        }
    }
}
