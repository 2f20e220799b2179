package com.storystudio.batch.generation;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobInterruptedException;

import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.logging.LogFields;
import com.storystudio.batch.result.FinishedScenes;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.runpod.GenerationInput;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodRejectedException;
import com.storystudio.batch.runpod.RunPodUnavailableException;
import com.storystudio.batch.scene.Scene;
import com.storystudio.batch.scene.SceneFingerprint;
import com.storystudio.batch.time.Sleeper;

/**
 * Drives the scenes of one run through RunPod: keeps up to {@code maxInFlight} of them submitted and
 * watched, and hands out each scene's final result as soon as it has one, in the order they finish.
 * Single-threaded: one loop fills the window, asks about what is due and waits until the next thing is.
 * Where a scene starts is {@link SceneResumption}'s decision; what RunPod's answers mean, and the ledger writes that
 * record them, are {@link SceneLifecycle}'s. With --download a result comes out once its video settled ({@link SettlingVideos}).
 */
public class GenerationWindow implements AutoCloseable {

    /** Longest single wait, so that a stop request is noticed promptly. */
    private static final Duration WAIT_SLICE = Duration.ofMillis(250);

    private final SubmissionQueue scenes;
    private final SceneResumption resumption;
    private final SceneLifecycle lifecycle;
    private final SceneCalls calls;
    private final EndpointWatch watch;
    private final int maxInFlight;
    private final StopRule stop;
    private final RunTail tail;
    private final Clock clock;
    private final Sleeper sleeper;
    private final SettlingVideos settling;
    private final List<InFlightScene> inFlight = new ArrayList<>();
    private final ArrayDeque<SceneResult> finished = new ArrayDeque<>();
    private boolean inTail;

    GenerationWindow(SubmissionQueue scenes, SceneResumption resumption, SceneLifecycle lifecycle, SceneCalls calls, EndpointWatch watch,
                     int maxInFlight, StopRule stop, RunTail tail, Clock clock, Sleeper sleeper, SettlingVideos settling) {
        this.scenes = scenes;
        this.resumption = resumption;
        this.lifecycle = lifecycle;
        this.calls = calls;
        this.watch = watch;
        this.maxInFlight = maxInFlight;
        this.stop = stop;
        this.tail = tail;
        this.clock = clock;
        this.sleeper = sleeper;
        this.settling = settling;
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
            if (inFlight.isEmpty() && !scenes.hasNext() && settling.isEmpty()) {
                // Every scene has its result: a stop or the failure breaker would leave nothing undone, only fail the step.
                return null;
            }
            if (stop.requested().getAsBoolean()) {
                stop();
            }
            Optional<String> systematic = lifecycle.systematicFailure();
            if (systematic.isPresent()) {
                throw new SystematicFailureException(systematic.get());
            }
            fill();
            if (finished.isEmpty()) {
                Instant now = clock.instant();
                if (!watch.dueAt().isAfter(now)) {
                    askAboutEndedJobs();
                }
                for (InFlightScene scene : List.copyOf(inFlight)) {
                    if (inFlight.contains(scene) && !scene.dueAt().isAfter(now)) {
                        advance(scene);
                    }
                }
            }
            // Taken after the turn, not before it: the videos that settled meanwhile join the turn's results in one
            // chunk. Taken first, they came out a few at a time, each few a chunk (a transaction) of its own.
            settling.drainTo(finished);
            if (finished.isEmpty() && (!inFlight.isEmpty() || (!scenes.hasNext() && !settling.isEmpty()))) {
                waitForNextDue();
            }
        }
        return finished.poll();
    }

    /** A scene finished by an earlier run whose video is not on disk: its result comes out again once fetched. */
    public void fetchVideoOf(SceneResult recorded) {
        settling.add(recorded, true, finished);
    }

    /** Abandons the downloads still going; the ledger keeps their videos for the re-run. */
    @Override
    public void close() {
        settling.close();
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
        List<SceneResult> all = new ArrayList<>(List.of(first));
        all.addAll(finished);
        finished.clear();
        return new FinishedScenes(all);
    }

    private void fill() {
        // A live job from an earlier run is attached even beyond the window: it is paid for already, and
        // left waiting for a slot its result could expire on RunPod.
        while ((inFlight.size() < maxInFlight || scenes.nextHasLiveJob()) && scenes.hasNext()) {
            Scene next = scenes.next();
            LogFields.run(LogFields.scene(next.sceneId(), null), () -> start(next));
        }
        if (!inTail && !scenes.hasNext() && inFlight.stream().noneMatch(InFlightScene::maySubmit)) {
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
            finished.add(lifecycle.unreadable(scene, e));
            return;
        }
        SceneStart start = resumption.of(scene, fingerprint);
        start.outdated().ifPresent(this::cancelOutdated);
        InFlightScene entry = new InFlightScene(scene, fingerprint, start.nextAttempt(), clock.instant(), scenes.audioSeconds(scene));
        inFlight.add(entry);
        NextStep next = lifecycle.start(entry, start);
        if (next instanceof NextStep.SubmitAt) {
            submit(entry);
        }
        else {
            follow(entry, next);
        }
    }

    private void cancelOutdated(Submission outdated) {
        lifecycle.outdatedCancelled(outdated, calls.cancel(outdated.remoteJobId()));
    }

    private void advance(InFlightScene scene) {
        if (scene.awaitsSubmission()) {
            LogFields.run(scene.logFields(), () -> submit(scene));
        }
        else {
            LogFields.run(scene.logFields(), () -> poll(scene));
        }
    }

    private void submit(InFlightScene scene) {
        GenerationInput input;
        try {
            input = calls.input(scene.scene());
        }
        catch (IOException e) {
            follow(scene, lifecycle.unreadable(scene, e));
            return;
        }
        Submission row = lifecycle.submitting(scene);
        NextStep next;
        try {
            next = lifecycle.accepted(scene, row, calls.submit(input));
        }
        catch (RunPodRejectedException e) {
            next = lifecycle.refused(scene, row, e, calls.runUrl());
        }
        catch (RunPodUnavailableException e) {
            lifecycle.unreachable(row, e);
            throw e;
        }
        follow(scene, next);
    }

    /** @return whether the job has ended (the scene is done, or waits to be submitted again) */
    private boolean poll(InFlightScene scene) {
        NextStep next;
        try {
            next = lifecycle.statusSeen(scene, calls.status(scene.remoteJobId()), watch.counting());
        }
        catch (RunPodRejectedException e) {
            if (e instanceof RunPodConfigurationException || !e.isNotFound()) {
                throw e;
            }
            next = lifecycle.gone(scene);
        }
        follow(scene, next);
        return !(next instanceof NextStep.PollAt);
    }

    /** Does what the lifecycle said comes next. */
    private void follow(InFlightScene scene, NextStep next) {
        if (next instanceof NextStep.Finished done) {
            inFlight.remove(scene);
            settling.add(done.result(), scene.hasRemoteJobOfThisRun(), finished);
        }
        else if (next instanceof NextStep.PollAt poll) {
            scene.dueAt(poll.at());
        }
        else if (next instanceof NextStep.SubmitAt submitAt) {
            scene.dueAt(submitAt.at());
        }
        else if (next instanceof NextStep.Requeue) {
            inFlight.remove(scene);
            scenes.putBack(scene.scene());
        }
        else if (next instanceof NextStep.Cancel cancel) {
            follow(scene, lifecycle.cancelled(scene, calls.cancel(scene.remoteJobId()), cancel.reason()));
        }
    }

    /** Asks about the jobs most likely to have ended, as many as the endpoint's counts say have. */
    private void askAboutEndedJobs() {
        List<InFlightScene> waiting = inFlight.stream().filter(InFlightScene::hasRemoteJob).toList();
        int ended = watch.ended(waiting.size()).orElse(0);
        if (ended == 0) {
            return;
        }
        int found = 0;
        for (Iterator<InFlightScene> candidates = waiting.stream().sorted(InFlightScene.LIKELIEST_ENDED).iterator();
             found < ended && candidates.hasNext(); ) {
            InFlightScene candidate = candidates.next();
            if (LogFields.with(candidate.logFields(), () -> poll(candidate))) {
                found++;
            }
        }
    }

    private void stop() throws JobInterruptedException {
        List<InFlightScene> withJob = inFlight.stream().filter(InFlightScene::hasRemoteJob).toList();
        if (stop.cancelJobsInFlight()) {
            withJob.forEach(scene -> lifecycle.cancelledOnStop(scene, calls.cancel(scene.remoteJobId())));
        }
        throw new JobInterruptedException(stop.stoppedWith(withJob.size()));
    }

    private void waitForNextDue() throws JobInterruptedException {
        Instant next = inFlight.stream().map(InFlightScene::dueAt).min(Instant::compareTo).orElse(clock.instant().plus(WAIT_SLICE));
        if (inFlight.stream().anyMatch(InFlightScene::hasRemoteJob) && watch.dueAt().isBefore(next)) {
            next = watch.dueAt();
        }
        // Whole milliseconds: a shorter wait is spun, not slept, since a sleep rounds it up to a millisecond,
        // which for near-instant jobs is longer than they take.
        long millis = Math.min(Duration.between(clock.instant(), next).toMillis(), WAIT_SLICE.toMillis());
        if (millis <= 0) {
            return;
        }
        try {
            if (settling.isEmpty()) {
                sleeper.sleep(Duration.ofMillis(millis));
            }
            else {
                // A download that settles ends the wait: its scene's result is due at once.
                settling.awaitAny(Duration.ofMillis(millis));
            }
        }
        catch (InterruptedException e) {
            // Not re-flagged: an interrupt flag left on this thread would make H2 close its file.
            throw new JobInterruptedException("Interrupted while waiting for RunPod");
        }
    }
}
