package com.storystudio.batch.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.storystudio.batch.download.VideoDownloader;
import com.storystudio.batch.download.VideoProbe;
import com.storystudio.batch.ledger.LedgerTotals;
import com.storystudio.batch.ledger.RemoteEnd;
import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.runpod.ApiKey;
import com.storystudio.batch.runpod.JobPolicy;
import com.storystudio.batch.runpod.JobStatus;
import com.storystudio.batch.runpod.RemoteStatus;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodHttp;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.SubmittedJob;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.CsvSceneSource;
import com.storystudio.batch.scene.Scene;
import com.storystudio.batch.scene.SceneCursor;
import com.storystudio.batch.scene.SceneFingerprint;
import com.storystudio.batch.scene.SceneRules;
import com.storystudio.batch.simulator.EndpointConfig;
import com.storystudio.batch.simulator.ObservedRequest;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatedJob;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.MediaFixtures;
import com.storystudio.batch.testing.ManualTime;
import com.storystudio.batch.testing.RecordingServer;
import com.storystudio.batch.testing.RecordingServer.Answer;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.TestSimulators;
import com.storystudio.batch.testing.Storyboard;

/**
 * The window on its own, against the emulator and the ledger: what it submits, re-attaches and reuses. The
 * window, the ledger and the emulator share one {@link ManualTime}, which only the window's waits move: the
 * emulator's minutes pass in no real time, and what happens when never depends on this machine's speed.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:generation-window;DB_CLOSE_DELAY=-1")
@ActiveProfiles("functional")
@Import(GenerationWindowTests.OnManualTime.class)
class GenerationWindowTests {

    private static final AtomicLong INSTANCE_IDS = new AtomicLong(1_000);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    private static final JobPolicy POLICY = new JobPolicy(Duration.ofHours(1), Duration.ofHours(2));

    @TestConfiguration(proxyBeanMethods = false)
    static class OnManualTime {

        /** The application's clock and sleeper. */
        @Bean
        @Primary
        ManualTime manualTime() {
            return new ManualTime();
        }

        @Bean(destroyMethod = "close")
        RunPodSimulator runPodSimulator(ManualTime time) {
            return RunPodSimulator.start(TestSimulators.fast(), time::elapsedNanos);
        }

        @Bean
        @Primary
        RunPodConnection emulatorConnection(RunPodSimulator simulator) {
            return TestSimulators.connectionTo(simulator);
        }
    }

    @Autowired
    ManualTime time;

    @Autowired
    RunPodSimulator simulator;

    @Autowired
    RunPodJobs jobs;

    @Autowired
    SubmissionLedger ledger;

    @Autowired
    SceneRequestFactory requests;

    @Autowired
    FailureClassifier classifier;

    @Autowired
    WorkerControl control;

    @Autowired
    RunPodHttp http;

    @Autowired
    SceneResultRepository sceneResults;

    @Autowired
    VideoDownloader downloader;

    @Autowired
    VideoProbe probe;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    private long jobInstanceId;

    @BeforeEach
    void freshInstance() {
        simulator.faults().reset();
        jobInstanceId = INSTANCE_IDS.incrementAndGet();
    }

    @Test
    void aSlidingWindowKeepsUpToMaxInFlightScenesOnRunPodAtOnce() throws Exception {
        Storyboard storyboard = Storyboard.in(work);
        for (int i = 1; i <= 9; i++) {
            storyboard.localScene("slide-" + i);
        }
        int before = simulator.jobs().size();

        List<SceneResult> results = drain(storyboard.write("slide.csv"), 3);

        assertThat(results).hasSize(9).allMatch(SceneResult::hasVideo);
        List<SimulatedJob> created = simulator.jobs().subList(before, simulator.jobs().size());
        assertThat(created).hasSize(9);
        assertThat(maxOverlap(created)).isEqualTo(3);
    }

    @Test
    void everyJobsEndIsRecordedWithinThePollIntervalOfRunPodEndingIt() throws Exception {
        Storyboard storyboard = Storyboard.in(work);
        for (int i = 1; i <= 6; i++) {
            storyboard.localScene("noticed-" + i);
        }
        int before = simulator.jobs().size();
        // The emulator's instants are its start plus the same elapsed time the window's clock counts from START.
        Duration emulatorAhead = Duration.between(ManualTime.START, simulator.simulatedNow()).minusNanos(time.elapsedNanos());

        List<SceneResult> results = drain(storyboard.write("noticed.csv"), 3);

        assertThat(results).hasSize(6).allMatch(SceneResult::hasVideo);
        assertThat(simulator.jobs().subList(before, simulator.jobs().size())).hasSize(6).allSatisfy(job -> {
            String sceneId = SimulatedJobs.prompt(job).replace("Scene ", "").replace(" speaking", "");
            Instant recorded = ledger.latest(jobInstanceId, sceneId).orElseThrow().finishedAt();
            assertThat(Duration.between(job.finishedAt().minus(emulatorAhead), recorded))
                    .as("from RunPod ending %s's job to the ledger recording it", sceneId)
                    .isBetween(Duration.ZERO, POLL_INTERVAL);
        });
    }

    @Test
    void unlessToldOtherwiseTheWindowKeepsTwoScenesPerWorkerOfTheEndpointOnRunPod() throws Exception {
        int workersMax = simulator.endpoint().workersMax();
        Storyboard storyboard = Storyboard.in(work);
        for (int i = 1; i <= 3 * workersMax; i++) {
            storyboard.localScene("default-" + i);
        }
        ObservedTraffic traffic = ObservedTraffic.of(simulator);
        List<SceneResult> results;
        try {
            results = drain(storyboard.write("default.csv"), 0);
        }
        finally {
            simulator.observe(null);
        }

        assertThat(results).hasSize(3 * workersMax).allMatch(SceneResult::hasVideo);
        // The window fills before it asks about any job: its first run of /run calls is its size.
        List<String> routes = traffic.requests().stream().map(ObservedRequest::route).dropWhile(route -> !route.equals("RUN")).toList();
        assertThat(routes.stream().takeWhile(route -> route.equals("RUN")).count()).isEqualTo(2L * workersMax);
    }

    @Test
    void aSceneWhoseJobIsStillAliveIsReattachedNotSubmittedAgain() throws Exception {
        Path csv = Storyboard.in(work).localScene("alive").write("alive.csv");
        Scene scene = firstScene(csv);
        SubmittedJob earlier = jobs.submit(requests.inputFor(scene), POLICY);
        acceptedEarlier(scene, earlier.id());
        long runsBefore = simulator.stats().runRequests();

        List<SceneResult> results = drain(csv, 1);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(SceneStatus.COMPLETED);
            assertThat(result.jobId()).isEqualTo(earlier.id());
            assertThat(result.attempts()).isEqualTo(1);
        });
        assertThat(simulator.stats().runRequests()).isEqualTo(runsBefore);
    }

    @Test
    void aLiveJobForMediaThatHaveSinceChangedIsCancelledAndTheNewMediaSubmitted() throws Exception {
        Storyboard storyboard = Storyboard.in(work).localScene("edited");
        Path csv = storyboard.write("edited.csv");
        Scene before = firstScene(csv);
        SubmittedJob outdated = jobs.submit(requests.inputFor(before), POLICY);
        acceptedEarlier(before, outdated.id());
        MediaFixtures.wav(storyboard.folder().resolve("media/edited.wav"), 512, 7);

        List<SceneResult> results = drain(csv, 1);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(SceneStatus.COMPLETED);
            assertThat(result.jobId()).isNotEqualTo(outdated.id());
            assertThat(result.attempts()).isEqualTo(2);
        });
        assertThat(simulator.jobs()).filteredOn(job -> job.id().equals(outdated.id()))
                .singleElement().extracting(SimulatedJob::status).isEqualTo("CANCELLED");
    }

    @Test
    void aJobRunPodNoLongerKnowsIsSubmittedAgain() throws Exception {
        Path csv = Storyboard.in(work).localScene("lost").write("lost.csv");
        Scene scene = firstScene(csv);
        acceptedEarlier(scene, "job-the-emulator-never-saw");

        List<SceneResult> results = drain(csv, 1);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(SceneStatus.COMPLETED);
            assertThat(result.attempts()).isEqualTo(2);
        });
        assertThat(ledger.latest(jobInstanceId, scene.sceneId())).get().extracting(Submission::attempt, Submission::state)
                .containsExactly(2, SubmissionState.COMPLETED);
    }

    @Test
    void aVideoRecordedBeforeACrashIsTakenFromTheLedgerWithoutAnyCall() throws Exception {
        Path csv = Storyboard.in(work).localScene("paid").write("paid.csv");
        Scene scene = firstScene(csv);
        Submission row = acceptedEarlier(scene, "job-paid");
        ledger.completed(row.id(), RemoteEnd.of("COMPLETED"), "https://videos.example/paid.mp4", 120.0, 1.5);
        long runs = simulator.stats().runRequests();
        long statuses = simulator.stats().statusRequests();

        List<SceneResult> results = drain(csv, 1);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.videoUrl()).isEqualTo("https://videos.example/paid.mp4");
            assertThat(result.jobId()).isEqualTo("job-paid");
        });
        assertThat(simulator.stats().runRequests()).isEqualTo(runs);
        assertThat(simulator.stats().statusRequests()).isEqualTo(statuses);
    }

    @Test
    void aSubmissionInterruptedByACrashIsSubmittedAgainAndCountedAsAPossibleDuplicate() throws Exception {
        Path csv = Storyboard.in(work).localScene("interrupted").write("interrupted.csv");
        Scene scene = firstScene(csv);
        ledger.begin(jobInstanceId, scene.sceneId(), 1, SceneFingerprint.of(scene), simulator.endpointId());

        List<SceneResult> results = drain(csv, 1);

        assertThat(results).singleElement().extracting(SceneResult::status, SceneResult::attempts)
                .containsExactly(SceneStatus.COMPLETED, 2);
        assertThat(ledger.totals(jobInstanceId).possibleDuplicates()).isEqualTo(1);
    }

    @Test
    void aJobAnEarlierRunLeftThatRunPodForgotIsCountedAsExpiredNotAsAPossibleDuplicate() throws Exception {
        // It most likely completed and was paid for, its result expired before anyone asked for it.
        Path csv = Storyboard.in(work).localScene("forgotten").write("forgotten.csv");
        Scene scene = firstScene(csv);
        acceptedEarlier(scene, "job-runpod-forgot");
        long runs = simulator.stats().runRequests();

        List<SceneResult> results = drain(csv, 1);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(SceneStatus.COMPLETED);
            assertThat(result.jobId()).isNotEqualTo("job-runpod-forgot");
            assertThat(result.possibleDuplicates()).isZero();
        });
        assertThat(simulator.stats().runRequests()).isEqualTo(runs + 1);
        assertThat(ledger.totals(jobInstanceId)).extracting(LedgerTotals::expired, LedgerTotals::possibleDuplicates)
                .containsExactly(1L, 0L);
        assertThat(ledger.latest(jobInstanceId, scene.sceneId()).orElseThrow().attempt()).isEqualTo(2);
    }

    @Test
    void jobsAnEarlierRunLeftThatRunPodForgotAreSubmittedAgainAtOnceAndNeverTripTheFailureBreaker() throws Exception {
        // Six forgotten jobs: as failed attempts they would stop the run after five ("the first 5 attempts all failed").
        Storyboard storyboard = Storyboard.in(work);
        for (int i = 1; i <= 6; i++) {
            storyboard.localScene("night-" + i);
        }
        Path csv = storyboard.write("night.csv");
        try (SceneCursor scenes = new CsvSceneSource(csv, SceneRules.defaults()).open()) {
            while (scenes.hasNext()) {
                Scene scene = scenes.next();
                acceptedEarlier(scene, "job-of-last-night-" + scene.sceneId());
            }
        }
        long runs = simulator.stats().runRequests();
        GenerationSettings oneAttempt = new GenerationSettings(6, POLL_INTERVAL, Duration.ofSeconds(60), 1, POLICY,
                Duration.ofMinutes(10), simulator.endpointId(), Duration.ofHours(1), 5, 0.5);

        List<SceneResult> results = drain(csv, oneAttempt, new RunOptions(true, false), () -> false);

        assertThat(results).hasSize(6).allSatisfy(result -> assertThat(result.status()).isEqualTo(SceneStatus.COMPLETED));
        assertThat(simulator.stats().runRequests() - runs).isEqualTo(6);
        for (int i = 1; i <= 6; i++) {
            List<Map<String, Object>> attempts = jdbc.queryForList("SELECT state, error, started_at, finished_at FROM scene_submission "
                    + "WHERE job_instance_id = ? AND scene_id = ? ORDER BY attempt", jobInstanceId, "night-" + i);
            assertThat(attempts).extracting(row -> row.get("STATE")).containsExactly("EXPIRED", "COMPLETED");
            assertThat(attempts.get(0).get("ERROR")).asString().contains("expired before it was collected", "may have been paid for");
            // No back-off (10 minutes here): submitted again the moment RunPod said it was gone.
            assertThat(attempts.get(1).get("STARTED_AT")).isEqualTo(attempts.get(0).get("FINISHED_AT"));
        }
        assertThat(ledger.totals(jobInstanceId).expired()).isEqualTo(6);
    }

    @Test
    void aJobThisRunWatchedThatRunPodThenForgetsIsAFailedAttemptAndAPossibleDuplicate() throws Exception {
        Path csv = Storyboard.in(work).localScene("watched").write("watched.csv");
        Scene scene = firstScene(csv);
        Submission earlier = acceptedEarlier(scene, "job-seen-then-lost");
        SceneLifecycle lifecycle = new SceneLifecycle(ledger, classifier, settings(1), new InlineVideoStore(work.resolve("videos")),
                jobInstanceId, time, SceneEvents.NONE);
        InFlightScene watched = new InFlightScene(scene, earlier.fingerprint(), 2, time.instant(), OptionalDouble.empty());
        lifecycle.start(watched, new SceneStart(SceneStart.Way.REATTACH, 2, earlier, Optional.empty()));
        lifecycle.statusSeen(watched, new JobStatus("job-seen-then-lost", RemoteStatus.IN_QUEUE, "IN_QUEUE", null, null, null, null), true);

        NextStep next = lifecycle.gone(watched);

        assertThat(next).isEqualTo(new NextStep.SubmitAt(time.instant().plusSeconds(10)));
        assertThat(ledger.latest(jobInstanceId, "watched")).get().extracting(Submission::state).isEqualTo(SubmissionState.VANISHED);
        assertThat(ledger.totals(jobInstanceId)).extracting(LedgerTotals::expired, LedgerTotals::possibleDuplicates)
                .containsExactly(0L, 1L);
    }

    @Test
    void aJobAnEarlierRunLeftIsExpiredOnlyWhenTheFirstAnswerAboutItIsThatItIsGone() throws Exception {
        Path csv = Storyboard.in(work).localScene("unseen").write("unseen.csv");
        Scene scene = firstScene(csv);
        Submission earlier = acceptedEarlier(scene, "job-never-answered");
        SceneLifecycle lifecycle = new SceneLifecycle(ledger, classifier, settings(1), new InlineVideoStore(work.resolve("videos")),
                jobInstanceId, time, SceneEvents.NONE);
        InFlightScene reattached = new InFlightScene(scene, earlier.fingerprint(), 2, time.instant(), OptionalDouble.empty());
        lifecycle.start(reattached, new SceneStart(SceneStart.Way.REATTACH, 2, earlier, Optional.empty()));

        assertThat(lifecycle.gone(reattached)).isEqualTo(new NextStep.Requeue());
        assertThat(ledger.latest(jobInstanceId, "unseen")).get().extracting(Submission::state).isEqualTo(SubmissionState.EXPIRED);
        assertThat(lifecycle.systematicFailure()).isEmpty();
    }

    @Test
    void aSceneWithTheSameContentAsOneGeneratedInAnotherRunReusesItsVideoWithoutAnyCall() throws Exception {
        Path csv = Storyboard.in(work).localScene("same").write("same.csv");
        Scene scene = firstScene(csv);
        Submission earlierRun = ledger.begin(jobInstanceId - 500, "a-different-scene-id", 1, SceneFingerprint.of(scene),
                simulator.endpointId());
        ledger.accepted(earlierRun.id(), "job-from-last-week", "IN_QUEUE", 0);
        String saved = videoSavedAt("same.mp4");
        ledger.completed(earlierRun.id(), RemoteEnd.of("COMPLETED"), saved, 90.0, 1.2);
        long runs = simulator.stats().runRequests();

        List<SceneResult> results = drain(csv, 1);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(SceneStatus.COMPLETED);
            assertThat(result.videoUrl()).isEqualTo(saved);
            assertThat(result.reusedFrom()).isEqualTo("job-from-last-week");
        });
        assertThat(simulator.stats().runRequests()).isEqualTo(runs);
    }

    @Test
    void aVideoToReuseWhoseAddressAnswers404IsGeneratedAgain() throws Exception {
        Path csv = Storyboard.in(work).localScene("lost").write("lost.csv");
        Scene scene = firstScene(csv);
        Submission earlierRun = ledger.begin(jobInstanceId - 500, "lost-elsewhere", 1, SceneFingerprint.of(scene), simulator.endpointId());
        ledger.accepted(earlierRun.id(), "job-expired", "IN_QUEUE", 0);
        // The emulator never ran that job: its storage answers 404, as one that expired the video would.
        ledger.completed(earlierRun.id(), RemoteEnd.of("COMPLETED"), simulator.baseUrl() + "/videos/job-expired.mp4", 90.0, 1.2);
        long runs = simulator.stats().runRequests();

        List<SceneResult> results = drain(csv, 1);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(SceneStatus.COMPLETED);
            assertThat(result.reusedFrom()).isNull();
            assertThat(result.videoUrl()).isNotEqualTo(simulator.baseUrl() + "/videos/job-expired.mp4");
        });
        assertThat(simulator.stats().runRequests()).isEqualTo(runs + 1);
    }

    @Test
    void aVideoToReuseWhoseAddressGivesNoAnswerIsReusedAnyway() throws Exception {
        Path csv = Storyboard.in(work).localScene("unsure").write("unsure.csv");
        Scene scene = firstScene(csv);
        Submission earlierRun = ledger.begin(jobInstanceId - 500, "unsure-elsewhere", 1, SceneFingerprint.of(scene), simulator.endpointId());
        ledger.accepted(earlierRun.id(), "job-unreachable", "IN_QUEUE", 0);
        // Port 1 on the loopback: the connection is refused at once, which says nothing about the video.
        ledger.completed(earlierRun.id(), RemoteEnd.of("COMPLETED"), "http://127.0.0.1:1/videos/job-unreachable.mp4", 90.0, 1.2);
        long runs = simulator.stats().runRequests();

        List<SceneResult> results = drain(csv, 1);

        assertThat(results).singleElement().extracting(SceneResult::reusedFrom).isEqualTo("job-unreachable");
        assertThat(simulator.stats().runRequests()).isEqualTo(runs);
    }

    @Test
    void everySceneFinishedByNowComesOutInOneBatch() throws Exception {
        // Three scenes whose videos exist already finish as the window fills, before any call.
        Storyboard storyboard = Storyboard.in(work).localScene("batch-1").localScene("batch-2").localScene("batch-3");
        Path csv = storyboard.write("batch.csv");
        try (SceneCursor scenes = new CsvSceneSource(csv, SceneRules.defaults()).open()) {
            while (scenes.hasNext()) {
                Scene scene = scenes.next();
                Submission earlier = ledger.begin(jobInstanceId - 500, scene.sceneId(), 1, SceneFingerprint.of(scene), simulator.endpointId());
                ledger.accepted(earlier.id(), "job-" + scene.sceneId(), "IN_QUEUE", 0);
                ledger.completed(earlier.id(), RemoteEnd.of("COMPLETED"), videoSavedAt(scene.sceneId() + ".mp4"), 90.0, 1.2);
            }
        }
        SceneGenerator generator = generator(settings(3));

        try (SceneCursor scenes = new CsvSceneSource(csv, SceneRules.defaults()).open()) {
            GenerationWindow window = generator.open(jobInstanceId, scenes, AudioLengths.local(), new InlineVideoStore(work.resolve("videos")),
                    new RunOptions(true, false), () -> false, RunTail.NONE);

            assertThat(window.nextFinished().results()).extracting(SceneResult::sceneId)
                    .containsExactlyInAnyOrder("batch-1", "batch-2", "batch-3");
            assertThat(window.nextFinished()).isNull();
        }
    }

    @Test
    void regeneratingPaysForANewVideoEvenWhenAnEarlierRunHasOne() throws Exception {
        Path csv = Storyboard.in(work).localScene("again").write("again.csv");
        Scene scene = firstScene(csv);
        Submission earlierRun = ledger.begin(jobInstanceId - 500, "again", 1, SceneFingerprint.of(scene), simulator.endpointId());
        ledger.accepted(earlierRun.id(), "job-old", "IN_QUEUE", 0);
        ledger.completed(earlierRun.id(), RemoteEnd.of("COMPLETED"), "https://videos.example/old.mp4", 90.0, 1.2);
        long runs = simulator.stats().runRequests();

        List<SceneResult> results = drain(csv, settings(1), new RunOptions(false, false), () -> false);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.videoUrl()).isNotEqualTo("https://videos.example/old.mp4");
            assertThat(result.reusedFrom()).isNull();
        });
        assertThat(simulator.stats().runRequests()).isEqualTo(runs + 1);
    }

    @Test
    void aJobPastTheSceneDeadlineIsCancelledOnRunPodAndCountedAsAFailedAttempt() throws Exception {
        Path csv = Storyboard.in(work).localScene("slow").write("slow.csv");
        long cancels = simulator.stats().cancelRequests();
        GenerationSettings tightDeadline = new GenerationSettings(1, POLL_INTERVAL, Duration.ofSeconds(60), 2, POLICY,
                Duration.ofSeconds(10), simulator.endpointId(), Duration.ofMillis(1), 0, 1.0);

        List<SceneResult> results = drain(csv, tightDeadline, new RunOptions(true, false), () -> false);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(SceneStatus.FAILED);
            assertThat(result.attempts()).isEqualTo(2);
            assertThat(result.error()).contains("gave up after 2 attempts", "deadline");
        });
        assertThat(simulator.stats().cancelRequests() - cancels).isEqualTo(2);
        assertThat(ledger.latest(jobInstanceId, "slow")).get().extracting(Submission::state).isEqualTo(SubmissionState.CANCELLED);
    }

    @Test
    void whenTheFirstAttemptsAllFailTheWindowStopsSubmitting() throws Exception {
        Storyboard storyboard = Storyboard.in(work);
        for (int i = 1; i <= 6; i++) {
            storyboard.localScene("doomed-" + i);
        }
        Path csv = storyboard.write("doomed.csv");
        simulator.faults().setTransientJobFailureRate(1.0);
        long runs = simulator.stats().runRequests();

        assertThatThrownBy(() -> drain(csv, 1))
                .isInstanceOf(SystematicFailureException.class)
                .hasMessageContaining("the first 5 RunPod attempts of this run all failed");
        assertThat(simulator.stats().runRequests() - runs).isEqualTo(5);
    }

    @Test
    void aStopLeavesTheJobsInFlightOnRunPodForTheRestart() throws Exception {
        Path csv = threeScenes("stay");
        long cancels = simulator.stats().cancelRequests();
        int before = simulator.jobs().size();

        assertThatThrownBy(() -> drain(csv, settings(3), new RunOptions(true, false), () -> simulator.jobs().size() - before >= 3))
                .isInstanceOf(JobInterruptedException.class).hasMessageContaining("left to finish");
        assertThat(simulator.stats().cancelRequests()).isEqualTo(cancels);
        assertThat(ledger.latest(jobInstanceId, "stay-1")).get().extracting(Submission::state).isEqualTo(SubmissionState.SUBMITTED);
    }

    @Test
    void aStopWithCancelOnStopCancelsTheJobsInFlight() throws Exception {
        Path csv = threeScenes("cancel");
        long cancels = simulator.stats().cancelRequests();
        int before = simulator.jobs().size();

        assertThatThrownBy(() -> drain(csv, settings(3), new RunOptions(true, true), () -> simulator.jobs().size() - before >= 3))
                .isInstanceOf(JobInterruptedException.class).hasMessageContaining("3 remote job(s) in flight were cancelled");
        assertThat(simulator.stats().cancelRequests() - cancels).isEqualTo(3);
        for (String scene : List.of("cancel-1", "cancel-2", "cancel-3")) {
            assertThat(ledger.latest(jobInstanceId, scene)).get().extracting(Submission::state).isEqualTo(SubmissionState.CANCELLED);
        }
    }

    @Test
    void theScenesWithTheMostWorkGoToRunPodFirst() throws Exception {
        Storyboard storyboard = Storyboard.in(work);
        storyboard.localScene("short", Duration.ofSeconds(1), "480p", 20);
        storyboard.localScene("long", Duration.ofSeconds(3), "480p", 20);
        storyboard.localScene("wide", Duration.ofSeconds(2), "720p", 20);
        storyboard.localScene("fine", Duration.ofSeconds(2), "480p", 40);
        storyboard.localScene("long-too", Duration.ofSeconds(3), "480p", 20);

        // One in flight: each scene finishes before the next is submitted.
        List<SceneResult> results = drain(storyboard.write("work.csv"), settings(1), SubmissionOrder.LONGEST_FIRST);

        // audio seconds x steps x pixels: 90, 80, 60, 60 (input order between equals), 20
        assertThat(results).extracting(SceneResult::sceneId).containsExactly("wide", "fine", "long", "long-too", "short");
    }

    @Test
    void inputOrderKeepsTheStoryboardsOrder() throws Exception {
        Storyboard storyboard = Storyboard.in(work);
        storyboard.localScene("first", Duration.ofSeconds(1), "480p", 20);
        storyboard.localScene("second", Duration.ofSeconds(3), "720p", 50);
        storyboard.localScene("third", Duration.ofSeconds(2), "480p", 20);

        List<SceneResult> results = drain(storyboard.write("input.csv"), settings(1), SubmissionOrder.INPUT);

        assertThat(results).extracting(SceneResult::sceneId).containsExactly("first", "second", "third");
    }

    @Test
    void aRestartTakesUpTheScenesWhoseJobsAreStillOnRunPodBeforeSubmittingMore() throws Exception {
        Storyboard storyboard = Storyboard.in(work);
        storyboard.localScene("brief", Duration.ofSeconds(1), "480p", 20);
        storyboard.localScene("lengthy", Duration.ofSeconds(3), "480p", 20);
        storyboard.localScene("medium", Duration.ofSeconds(2), "480p", 20);
        Path csv = storyboard.write("restart.csv");
        int before = simulator.jobs().size();
        // The first run goes in input order and stops once "brief" is on RunPod.
        assertThatThrownBy(() -> drain(csv, settings(1), new RunOptions(true, false), () -> simulator.jobs().size() - before >= 1,
                SubmissionOrder.INPUT)).isInstanceOf(JobInterruptedException.class);
        assertThat(ledger.scenesWithLiveJob(jobInstanceId)).containsExactly("brief");

        List<SceneResult> results = drain(csv, settings(1), SubmissionOrder.LONGEST_FIRST);

        // Longest first would start with "lengthy"; "brief" is already paid for and its result is kept 30 minutes only.
        assertThat(results).extracting(SceneResult::sceneId).containsExactly("brief", "lengthy", "medium");
        assertThat(simulator.jobs().size() - before).isEqualTo(3);
    }

    @Test
    void aRestartAttachesEveryLiveJobAtOnceEvenWithASmallerWindow() throws Exception {
        Storyboard storyboard = Storyboard.in(work);
        for (String id : List.of("held-1", "held-2", "held-3", "held-4")) {
            storyboard.localScene(id);
        }
        Path csv = storyboard.write("held.csv");
        EndpointConfig endpoint = simulator.endpoint();
        // No worker: every job stays IN_QUEUE, so whatever the window holds stays in it.
        simulator.setEndpoint(new EndpointConfig(0, 0, endpoint.idleTimeoutSeconds()));
        try {
            int before = simulator.jobs().size();
            assertThatThrownBy(() -> drain(csv, settings(3), new RunOptions(true, false), () -> simulator.jobs().size() - before >= 3,
                    SubmissionOrder.INPUT)).isInstanceOf(JobInterruptedException.class);
            long statusCalls = simulator.stats().statusRequests();

            // A window of one, stopped (and its jobs cancelled) once it has asked about a job.
            assertThatThrownBy(() -> drain(csv, settings(1), new RunOptions(true, true),
                    () -> simulator.stats().statusRequests() > statusCalls, SubmissionOrder.LONGEST_FIRST))
                    .isInstanceOf(JobInterruptedException.class).hasMessageContaining("3 remote job(s) in flight were cancelled");
            assertThat(simulator.jobs().size() - before).isEqualTo(3);
        }
        finally {
            simulator.setEndpoint(endpoint);
        }
    }

    @Test
    void aVideoUrlThatIsNotHttpIsNotAVideoAndTheSceneFailsForGood() throws Exception {
        Path csv = Storyboard.in(work).localScene("local-file").write("local-file.csv");
        try (RecordingServer remote = RecordingServer.start()) {
            remote.answer("/v2/ep/run", Answer.json(200, "{\"id\":\"j1\",\"status\":\"IN_QUEUE\"}"))
                    .answer("/v2/ep/health", idle())
                    .answer("/v2/ep/status/j1", Answer.json(200,
                            "{\"id\":\"j1\",\"status\":\"COMPLETED\",\"output\":{\"video_url\":\"file:///srv/out/j1.mp4\"}}"));

            List<SceneResult> results = drain(csv, settings(1), jobsOn(remote), () -> false);

            assertThat(results).singleElement().satisfies(result -> {
                assertThat(result.status()).isEqualTo(SceneStatus.FAILED);
                assertThat(result.videoUrl()).isNull();
                assertThat(result.error()).contains("not an http(s) URL", "file:///srv/out/j1.mp4");
            });
            assertThat(runs(remote)).isEqualTo(1);
            assertThat(ledger.latest(jobInstanceId, "local-file")).get().extracting(Submission::state).isEqualTo(SubmissionState.FAILED);
        }
    }

    @Test
    void withDownloadAnInlineVideoIsKeptAsItsJobsCopyAndAsItsScenesVideo() throws Exception {
        Path csv = Storyboard.in(work).localScene("inline").write("inline.csv");
        byte[] mp4 = {0, 0, 0, 16, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
        try (RecordingServer remote = RecordingServer.start()) {
            remote.answer("/v2/ep/run", Answer.json(200, "{\"id\":\"j1\",\"status\":\"IN_QUEUE\"}"))
                    .answer("/v2/ep/health", idle())
                    .answer("/v2/ep/status/j1", Answer.json(200, "{\"id\":\"j1\",\"status\":\"COMPLETED\",\"output\":{\"video\":\"%s\"}}"
                            .formatted(java.util.Base64.getEncoder().encodeToString(mp4))));
            SceneGenerator generator = new SceneGenerator(jobsOn(remote), ledger, requests, classifier, settings(1),
                    new InFlightLimit(1, control), SubmissionOrder.INPUT, time, time, downloader, probe);

            List<SceneResult> results = drain(generator, csv, new RunOptions(true, false, true), () -> false);

            assertThat(results).singleElement().satisfies(result -> {
                assertThat(result.status()).isEqualTo(SceneStatus.COMPLETED);
                assertThat(result.videoUrl()).startsWith("file:").endsWith("/videos/inline-j1.mp4");
                assertThat(result.videoFile()).isEqualTo("videos/inline.mp4");
            });
            assertThat(java.nio.file.Files.readAllBytes(work.resolve("videos/inline.mp4"))).isEqualTo(mp4);
            assertThat(java.nio.file.Files.readAllBytes(work.resolve("videos/inline-j1.mp4"))).isEqualTo(mp4);
        }
    }

    @Test
    void aJobFailedWithoutAReasonIsSaidToBeSoNeverNull() throws Exception {
        Path csv = Storyboard.in(work).localScene("mute").write("mute.csv");
        try (RecordingServer remote = RecordingServer.start()) {
            remote.answer("/v2/ep/run", Answer.json(200, "{\"id\":\"j1\",\"status\":\"IN_QUEUE\"}"))
                    .answer("/v2/ep/health", idle())
                    .answer("/v2/ep/status/j1", Answer.json(200, "{\"id\":\"j1\",\"status\":\"FAILED\"}"));

            List<SceneResult> results = drain(csv, settings(1), jobsOn(remote), () -> false);

            assertThat(results).singleElement().satisfies(result -> {
                assertThat(result.status()).isEqualTo(SceneStatus.FAILED);
                assertThat(result.error()).contains("FAILED on RunPod without a reason").doesNotContain("null");
            });
        }
    }

    @Test
    void aRunRefusedWith404IsAConfigurationErrorThatStopsSubmittingAndFailsNoScene() throws Exception {
        Path csv = threeScenes("nowhere");
        try (RecordingServer remote = RecordingServer.start()) {
            remote.answer("/v2/ep/run", Answer.json(404, "{\"error\":\"endpoint not found\"}"));

            assertThatThrownBy(() -> drain(csv, settings(3), jobsOn(remote), () -> false))
                    .isInstanceOf(RunPodConfigurationException.class)
                    .hasMessageContaining("HTTP 404 to POST " + remote.baseUrl() + "/v2/ep/run")
                    .hasMessageContaining("endpoint not found").hasMessageContaining("--runpod.base-url");
            assertThat(runs(remote)).isEqualTo(1);
        }
    }

    @Test
    void aRunRefusedWith400Or405BeforeAnyJobWasAcceptedIsAConfigurationError() throws Exception {
        for (int status : List.of(400, 405)) {
            jobInstanceId = INSTANCE_IDS.incrementAndGet();
            Path csv = threeScenes("elsewhere-" + status);
            try (RecordingServer remote = RecordingServer.start()) {
                remote.answer("/v2/ep/run", Answer.json(status, "Unsupported upgrade request"));

                assertThatThrownBy(() -> drain(csv, settings(3), jobsOn(remote), () -> false))
                        .isInstanceOf(RunPodConfigurationException.class)
                        .hasMessageContaining("HTTP %d to POST %s/v2/ep/run".formatted(status, remote.baseUrl()));
                assertThat(runs(remote)).isEqualTo(1);
            }
        }
    }

    @Test
    void aRunRefusedWith400AfterAJobWasAcceptedFailsOnlyThatScene() throws Exception {
        Path csv = Storyboard.in(work).localScene("accepted").localScene("refused").write("refused.csv");
        try (RecordingServer remote = RecordingServer.start()) {
            remote.answer("/v2/ep/run", Answer.json(200, "{\"id\":\"j1\",\"status\":\"IN_QUEUE\"}"),
                            Answer.json(400, "{\"error\":\"input too large\"}"))
                    .answer("/v2/ep/health", idle())
                    .answer("/v2/ep/status/j1", completed("j1"));

            List<SceneResult> results = drain(csv, settings(2), jobsOn(remote), () -> false);

            assertThat(results).extracting(SceneResult::sceneId, SceneResult::status).containsExactlyInAnyOrder(
                    tuple("accepted", SceneStatus.COMPLETED), tuple("refused", SceneStatus.FAILED));
            assertThat(results).filteredOn(result -> result.sceneId().equals("refused")).singleElement()
                    .extracting(SceneResult::error).asString().contains("RunPod refused the request", "input too large");
        }
    }

    @Test
    void aRefusedKeyOnStatusHealthOrCancelEndsTheRunAndFailsNoScene() throws Exception {
        Answer refused = Answer.json(401, "{\"error\":\"unauthorized\"}");
        Answer queued = Answer.json(200, "{\"id\":\"j1\",\"status\":\"IN_QUEUE\"}");
        for (String route : List.of("status/j1", "health", "cancel/j1")) {
            jobInstanceId = INSTANCE_IDS.incrementAndGet();
            Path csv = Storyboard.in(work).localScene("key-" + route.replace('/', '-')).write("key.csv");
            try (RecordingServer remote = RecordingServer.start()) {
                remote.answer("/v2/ep/run", queued).answer("/v2/ep/status/j1", queued).answer("/v2/ep/health", idle())
                        .answer("/v2/ep/cancel/j1", Answer.json(200, "{\"id\":\"j1\",\"status\":\"CANCELLED\"}"))
                        .answer("/v2/ep/" + route, refused);
                // The cancel is asked for by a deadline that has passed at the first answer.
                GenerationSettings settings = new GenerationSettings(1, POLL_INTERVAL, Duration.ofSeconds(60), 3, POLICY,
                        Duration.ofSeconds(10), "ep", route.startsWith("cancel") ? Duration.ZERO : Duration.ofHours(1), 5, 0.5);
                List<SceneResult> results = new ArrayList<>();

                assertThatThrownBy(() -> results.addAll(drain(csv, settings, jobsOn(remote), () -> remote.requests().size() > 50)))
                        .as(route).isInstanceOf(RunPodConfigurationException.class);
                assertThat(results).as(route).isEmpty();
            }
        }
    }

    @Test
    void whenTheLastSceneToFinishTripsTheFailureBreakerTheRunStillEndsWithEverySceneFinished() throws Exception {
        Path csv = threeScenes("last");
        String failed = "{\"id\":\"%s\",\"status\":\"FAILED\",\"error\":\"Cannot decode image\"}";
        try (RecordingServer remote = RecordingServer.start()) {
            remote.answer("/v2/ep/run", Answer.json(200, "{\"id\":\"j1\",\"status\":\"IN_QUEUE\"}"),
                            Answer.json(200, "{\"id\":\"j2\",\"status\":\"IN_QUEUE\"}"),
                            Answer.json(200, "{\"id\":\"j3\",\"status\":\"IN_QUEUE\"}"))
                    .answer("/v2/ep/health", idle())
                    .answer("/v2/ep/status/j1", completed("j1"))
                    .answer("/v2/ep/status/j2", Answer.json(200, failed.formatted("j2")))
                    .answer("/v2/ep/status/j3", Answer.json(200, failed.formatted("j3")));
            // Judged once 3 scenes finished: 2 of 3 failed is more than half.
            GenerationSettings settings = new GenerationSettings(3, POLL_INTERVAL, Duration.ofSeconds(60), 3, POLICY,
                    Duration.ofSeconds(10), "ep", Duration.ofHours(1), 3, 0.5);

            List<SceneResult> results = drain(csv, settings, jobsOn(remote), () -> false);

            assertThat(results).extracting(SceneResult::status)
                    .containsExactlyInAnyOrder(SceneStatus.COMPLETED, SceneStatus.FAILED, SceneStatus.FAILED);
        }
    }

    @Test
    void workersAreNeededForAJobToReattachOrASceneToSubmitButNotForVideosToReuse() throws Exception {
        Storyboard storyboard = Storyboard.in(work).localScene("again-1").localScene("again-2");
        Path csv = storyboard.write("ahead.csv");
        WorkAhead workAhead = new WorkAhead(ledger, sceneResults, simulator.endpointId());
        CsvSceneSource source = new CsvSceneSource(csv, SceneRules.defaults());
        assertThat(workAhead.needsWorkers(jobInstanceId, source, true)).as("nothing generated yet").isTrue();

        List<Scene> scenes = new ArrayList<>();
        try (SceneCursor cursor = source.open()) {
            cursor.forEachRemaining(scenes::add);
        }
        for (Scene scene : scenes) {
            Submission other = ledger.begin(jobInstanceId - 500, scene.sceneId(), 1, SceneFingerprint.of(scene), simulator.endpointId());
            ledger.accepted(other.id(), "job-other-" + scene.sceneId(), "IN_QUEUE", 0);
            ledger.completed(other.id(), RemoteEnd.of("COMPLETED"), "https://videos.example/" + scene.sceneId() + ".mp4", 90.0, 1.2);
        }
        assertThat(workAhead.needsWorkers(jobInstanceId, source, true)).as("every scene reuses a video").isFalse();
        assertThat(workAhead.needsWorkers(jobInstanceId, source, false)).as("regenerating").isTrue();

        acceptedEarlier(scenes.get(1), "job-still-running");
        assertThat(workAhead.needsWorkers(jobInstanceId, source, true)).as("a job to re-attach").isTrue();
    }

    private Path threeScenes(String prefix) {
        return Storyboard.in(work).localScene(prefix + "-1").localScene(prefix + "-2").localScene(prefix + "-3").write(prefix + ".csv");
    }

    private GenerationSettings settings(int maxInFlight) {
        return new GenerationSettings(maxInFlight, POLL_INTERVAL, Duration.ofSeconds(60), 3, POLICY, Duration.ofSeconds(10),
                simulator.endpointId(), Duration.ofHours(1), 5, 0.5);
    }

    /** A whole (if tiny) MP4 in the work folder, as an inline video an earlier run saved: its {@code file:} URL. */
    private String videoSavedAt(String name) throws IOException {
        Path file = work.resolve("saved").resolve(name);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, new byte[] {0, 0, 0, 16, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0});
        return file.toUri().toString();
    }

    private SceneGenerator generator(GenerationSettings settings) {
        return generator(settings, SubmissionOrder.LONGEST_FIRST);
    }

    private SceneGenerator generator(GenerationSettings settings, SubmissionOrder order) {
        return new SceneGenerator(jobs, ledger, requests, classifier, settings, new InFlightLimit(settings.maxInFlight(), control), order,
                time, time, downloader, probe);
    }

    private List<SceneResult> drain(Path csv, int maxInFlight) throws Exception {
        return drain(csv, settings(maxInFlight), new RunOptions(true, false), () -> false);
    }

    private List<SceneResult> drain(Path csv, GenerationSettings settings, SubmissionOrder order) throws Exception {
        return drain(csv, settings, new RunOptions(true, false), () -> false, order);
    }

    private List<SceneResult> drain(Path csv, GenerationSettings settings, RunOptions options, BooleanSupplier stop) throws Exception {
        return drain(csv, settings, options, stop, SubmissionOrder.LONGEST_FIRST);
    }

    private List<SceneResult> drain(Path csv, GenerationSettings settings, RunPodJobs remote, BooleanSupplier stop) throws Exception {
        return drain(new SceneGenerator(remote, ledger, requests, classifier, settings, new InFlightLimit(settings.maxInFlight(), control),
                SubmissionOrder.INPUT, time, time, downloader, probe), csv, new RunOptions(true, false), stop);
    }

    private List<SceneResult> drain(Path csv, GenerationSettings settings, RunOptions options, BooleanSupplier stop,
                                    SubmissionOrder order) throws Exception {
        return drain(generator(settings, order), csv, options, stop);
    }

    private List<SceneResult> drain(SceneGenerator generator, Path csv, RunOptions options, BooleanSupplier stop) throws Exception {
        List<SceneResult> results = new ArrayList<>();
        try (SceneCursor scenes = new CsvSceneSource(csv, SceneRules.defaults()).open()) {
            GenerationWindow window = generator.open(jobInstanceId, scenes, AudioLengths.local(), new InlineVideoStore(work.resolve("videos")), options, stop,
                    RunTail.NONE);
            for (SceneResult result; (result = window.next()) != null; ) {
                results.add(result);
            }
        }
        return results;
    }

    /** The ledger as an earlier run left it: attempt 1 of the scene accepted by RunPod as {@code remoteJobId}. */
    private Submission acceptedEarlier(Scene scene, String remoteJobId) throws IOException {
        Submission row = ledger.begin(jobInstanceId, scene.sceneId(), 1, SceneFingerprint.of(scene), simulator.endpointId());
        ledger.accepted(row.id(), remoteJobId, "IN_QUEUE", 0);
        return row;
    }

    /** The client's job routes pointed at {@code remote}, as endpoint "ep". */
    private RunPodJobs jobsOn(RecordingServer remote) {
        return new RunPodJobs(new RunPodConnection(remote.baseUrl(), remote.baseUrl(), "ep", new ApiKey("scripted-key")), http);
    }

    private static long runs(RecordingServer remote) {
        return remote.requests().stream().filter(request -> request.path().endsWith("/run")).count();
    }

    private static Answer idle() {
        return Answer.json(200, "{\"jobs\":{\"inQueue\":0,\"inProgress\":0},\"workers\":{\"idle\":1,\"initializing\":0,\"running\":0}}");
    }

    private static Answer completed(String jobId) {
        return Answer.json(200, "{\"id\":\"%s\",\"status\":\"COMPLETED\",\"output\":{\"video_url\":\"https://videos.example/%s.mp4\"}}"
                .formatted(jobId, jobId));
    }

    private static Scene firstScene(Path csv) throws IOException {
        try (SceneCursor scenes = new CsvSceneSource(csv, SceneRules.defaults()).open()) {
            return scenes.next();
        }
    }

    /** The most jobs that were on RunPod (submitted, not yet finished) at the same moment. */
    private static int maxOverlap(List<SimulatedJob> jobs) {
        record Event(Instant at, int delta) {
        }
        List<Event> events = new ArrayList<>();
        jobs.forEach(job -> {
            events.add(new Event(job.submittedAt(), +1));
            events.add(new Event(job.finishedAt(), -1));
        });
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::delta));
        int current = 0;
        int max = 0;
        for (Event event : events) {
            current += event.delta();
            max = Math.max(max, current);
        }
        return max;
    }
}
