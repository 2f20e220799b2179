package com.storystudio.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.storystudio.batch.ledger.LedgerTotals;
import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatedJob;
import com.storystudio.batch.testing.MediaFixtures;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.StoryboardRuns;
import com.storystudio.batch.worker.WorkerHolds;

/**
 * The whole job against the emulator on 127.0.0.1: the scenarios every supported database must
 * pass. The subclasses choose the database (H2 file, PostgreSQL).
 */
@SpringBootTest
@ActiveProfiles("functional")
abstract class JobFunctionalScenarios {

    @Autowired
    StoryboardRuns runs;

    @Autowired
    RunPodSimulator simulator;

    @Autowired
    SceneResultRepository results;

    @Autowired
    SubmissionLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WorkerHolds workerHolds;


    @TempDir
    Path work;

    private int journalStart;

    @BeforeEach
    void freshEmulator() {
        simulator.faults().reset();
        journalStart = simulator.jobs().size();
    }

    @Test
    void everySceneGetsItsVideoRecordedInTheTableAndTheResultsCsvInInputOrder() throws Exception {
        Path csv = Storyboard.in(work).localScene("opening").remoteScene("street").localScene("kitchen").remoteScene("finale")
                .write("episode.csv");

        JobExecution execution = runs.run(csv);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(storedOutcome(execution)).isEqualTo(RunOutcome.COMPLETED);
        List<SceneResult> rows = results.findAll(instanceOf(execution));
        assertThat(rows).extracting(SceneResult::sceneId).containsExactly("opening", "street", "kitchen", "finale");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(SceneStatus.COMPLETED);
            assertThat(row.videoUrl()).startsWith(simulator.baseUrl().toString());
            assertThat(row.jobId()).isNotBlank();
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.generationTime()).isPositive();
        });
        assertThat(rows).filteredOn(row -> row.sceneId().equals("street"))
                .singleElement().satisfies(row -> {
                    assertThat(row.resolution()).isEqualTo("720p");
                    assertThat(row.sampleSteps()).isEqualTo(25);
                });
        for (SceneResult row : rows) {
            HttpResponse<byte[]> video = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(row.videoUrl())).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(video.statusCode()).isEqualTo(200);
        }

        List<String> lines = Files.readAllLines(work.resolve("out/episode-results.csv"));
        assertThat(lines.get(0)).isEqualTo("scene_id,status,video_url,job_id,generation_time,video_size_mb,resolution,sample_steps,attempts,error,"
                + "reused_from,possible_duplicates,gpu_seconds,cost_usd,video_file");
        assertThat(lines.subList(1, lines.size())).hasSize(4)
                .satisfiesExactly(
                        line -> assertThat(line).startsWith("opening,COMPLETED,http://127.0.0.1:"),
                        line -> assertThat(line).startsWith("street,COMPLETED,http://127.0.0.1:"),
                        line -> assertThat(line).startsWith("kitchen,COMPLETED,http://127.0.0.1:"),
                        line -> assertThat(line).startsWith("finale,COMPLETED,http://127.0.0.1:"));

        assertThat(SimulatedJobs.countByPrompt(jobsOfThisTest())).containsOnly(
                Map.entry("Scene opening speaking", 1L), Map.entry("Scene street speaking", 1L),
                Map.entry("Scene kitchen speaking", 1L), Map.entry("Scene finale speaking", 1L));
        // The ledger's aggregate, generated keys and timestamps, read back through the driver.
        long instance = instanceOf(execution);
        assertThat(ledger.totals(instance)).extracting(LedgerTotals::submissions, LedgerTotals::possibleDuplicates, LedgerTotals::expired)
                .containsExactly(4L, 0L, 0L);
        assertThat(ledger.totals(instance).gpuSeconds()).as("execution time RunPod reported").isPositive();
        Submission street = ledger.latest(instance, "street").orElseThrow();
        assertThat(street.state()).isEqualTo(SubmissionState.COMPLETED);
        assertThat(street.remoteJobId()).isEqualTo(rows.get(1).jobId());
        assertThat(street.acceptedAt()).isAfterOrEqualTo(street.startedAt());
        assertThat(street.finishedAt()).isAfterOrEqualTo(street.acceptedAt());
        assertWorkerEnabledThenRestored();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM worker_baseline", Integer.class)).isZero();
        assertThat(workerHolds.ofInstance(instance)).as("the active worker's time, for its cost").singleElement().satisfies(hold -> {
            assertThat(hold.jobExecutionId()).isEqualTo(execution.getId());
            assertThat(hold.activeWorkers()).isEqualTo(1);
            assertThat(hold.releasedAt()).hasValueSatisfying(released -> assertThat(released).isAfterOrEqualTo(hold.heldFrom()));
        });
    }

    @Test
    void aSceneTheWorkerRejectsFailsWithItsReasonWhileTheOthersComplete() {
        Path csv = Storyboard.in(work).localScene("fine-1").sceneWithUndecodableImage("broken").remoteScene("fine-2")
                .write("rejected.csv");

        JobExecution execution = runs.run(csv);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(storedOutcome(execution)).isEqualTo(RunOutcome.SCENES_FAILED);
        List<SceneResult> rows = results.findAll(instanceOf(execution));
        assertThat(rows).extracting(SceneResult::sceneId, SceneResult::status).containsExactly(
                tuple("fine-1", SceneStatus.COMPLETED),
                tuple("broken", SceneStatus.FAILED),
                tuple("fine-2", SceneStatus.COMPLETED));
        SceneResult broken = rows.get(1);
        assertThat(broken.error()).contains("Cannot decode image");
        assertThat(broken.videoUrl()).isNull();
        // A permanent rejection is not paid for again.
        assertThat(SimulatedJobs.countByPrompt(jobsOfThisTest())).containsEntry("Broken scene broken", 1L);
        assertWorkerEnabledThenRestored();
    }

    @Test
    void httpFaultsAreSurvivedAndEveryExtraRemoteJobIsReported() {
        simulator.faults().setHttp500Rate(0.15);
        simulator.faults().setHttp429Rate(0.10);
        simulator.faults().setDropConnectionRate(0.05);
        simulator.faults().setLostRunResponseRate(0.10);
        Storyboard storyboard = Storyboard.in(work);
        for (int i = 1; i <= 8; i++) {
            storyboard.localScene("faulty-" + i);
        }
        Path csv = storyboard.write("faulty.csv");

        JobExecution execution = runs.run(csv);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(results.findAll(instanceOf(execution))).hasSize(8).allMatch(SceneResult::hasVideo);
        var stats = simulator.stats();
        assertThat(stats.injectedHttp500() + stats.injectedHttp429() + stats.droppedConnections()).isPositive();
        long extraJobs = jobsOfThisTest().size() - 8;
        assertThat(ledger.totals(instanceOf(execution)).possibleDuplicates()).isGreaterThanOrEqualTo(extraJobs);
        assertWorkerEnabledThenRestored();
    }

    @Test
    void whenEveryAttemptFailsTheRunStopsPayingAndTheWorkerIsRestored() {
        simulator.faults().setTransientJobFailureRate(1.0);
        Path csv = Storyboard.in(work).localScene("doomed-1").localScene("doomed-2").localScene("doomed-3").write("doomed.csv");

        JobExecution execution = runs.run(csv);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(storedOutcome(execution)).isEqualTo(RunOutcome.UNFINISHED);
        assertThat(execution.getAllFailureExceptions()).anySatisfy(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                .hasMessageContaining("Stopped submitting scenes: the first 5 RunPod attempts of this run all failed"));
        assertThat(results.findAll(instanceOf(execution))).singleElement().satisfies(row -> {
            assertThat(row.sceneId()).isEqualTo("doomed-1");
            assertThat(row.status()).isEqualTo(SceneStatus.FAILED);
            assertThat(row.error()).startsWith("gave up after 3 attempts");
        });
        // Scene 1's three attempts and scene 2's first two; scene 3 is never paid for.
        assertThat(SimulatedJobs.countByPrompt(jobsOfThisTest())).containsOnly(
                Map.entry("Scene doomed-1 speaking", 3L), Map.entry("Scene doomed-2 speaking", 2L));
        assertWorkerEnabledThenRestored();
    }

    @Test
    void aRunThatFailedInAnOutageIsFinishedByTheRestartWithoutPayingTwice() {
        Storyboard storyboard = Storyboard.in(work);
        for (int i = 1; i <= 5; i++) {
            storyboard.localScene("outage-" + i);
        }
        Path csv = storyboard.write("outage.csv");

        // One scene in flight at a time: at the third /run two scenes are done, and the outage starts the
        // moment the third scene's job has been created, before its /run is answered.
        ObservedTraffic traffic = ObservedTraffic.of(simulator);
        ObservedTraffic.Trigger outage;
        JobExecution failed;
        try {
            outage = traffic.onNth(3, ObservedTraffic.runOfScenes("outage-"), request -> simulator.faults().setUnavailable(true));
            failed = runs.run(csv);
        }
        finally {
            simulator.observe(null);
            simulator.faults().setUnavailable(false);
        }

        List<String> submitted = traffic.requests().stream().filter(ObservedTraffic.runOfScenes("outage-"))
                .flatMap(request -> ObservedTraffic.sceneOf(request).stream()).toList();
        assertThat(outage.fired()).as("the outage at the third /run").isTrue();
        assertThat(submitted).as("scenes whose /run the emulator answered").hasSize(3).doesNotHaveDuplicates();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(results.findAll(instanceOf(failed))).as("the scenes done before the outage")
                .allMatch(SceneResult::hasVideo)
                .extracting(SceneResult::sceneId).containsExactlyInAnyOrderElementsOf(submitted.subList(0, 2));

        JobExecution restarted = runs.run(csv);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(results.findAll(instanceOf(restarted))).hasSize(5).allMatch(SceneResult::hasVideo);
        assertThat(SimulatedJobs.countByPrompt(jobsOfThisTest()).values()).hasSize(5).containsOnly(1L);
        assertThat(simulator.endpoint().workersMin()).isZero();
    }

    @Test
    void aRestartAfterFixingAMediaFileSubmitsOnlyTheSceneThatFailed() throws Exception {
        Storyboard storyboard = Storyboard.in(work).localScene("keep-1").sceneWithUndecodableImage("fixme").localScene("keep-2");
        Path csv = storyboard.write("fixable.csv");
        JobExecution first = runs.run(csv);
        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);

        MediaFixtures.png(storyboard.folder().resolve("media/fixme.png"));
        JobExecution second = runs.run(csv);

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long instance = instanceOf(second);
        assertThat(instance).isEqualTo(instanceOf(first));
        assertThat(jdbc.queryForList("SELECT status FROM batch_job_execution WHERE job_instance_id = ? ORDER BY job_execution_id",
                String.class, instance)).containsExactly("FAILED", "COMPLETED");
        assertThat(results.findAll(instance)).extracting(SceneResult::sceneId, SceneResult::attempts).containsExactly(
                tuple("keep-1", 1), tuple("fixme", 2),
                tuple("keep-2", 1));
        assertThat(jdbc.queryForList("SELECT scene_id, attempt, state FROM scene_submission WHERE job_instance_id = ? ORDER BY scene_id, attempt",
                instance)).extracting(row -> row.get("scene_id"), row -> ((Number) row.get("attempt")).intValue(), row -> row.get("state"))
                .containsExactly(tuple("fixme", 1, "FAILED"), tuple("fixme", 2, "COMPLETED"),
                        tuple("keep-1", 1, "COMPLETED"), tuple("keep-2", 1, "COMPLETED"));
        assertThat(SimulatedJobs.countByPrompt(jobsOfThisTest())).containsOnly(
                Map.entry("Scene keep-1 speaking", 1L), Map.entry("Broken scene fixme", 2L), Map.entry("Scene keep-2 speaking", 1L));
    }

    @Test
    void audioAtUrlsIsReadBeforeTheWorkerIsEnabledAndTheLongestGoesFirst() {
        Storyboard storyboard = Storyboard.in(work);
        for (String[] scene : new String[][] {{"short", "3"}, {"long", "12"}, {"middle", "7"}}) {
            storyboard.sceneWithAudioUrl(scene[0], simulator.serveMedia("functional-" + scene[0] + ".wav",
                    MediaFixtures.speechWav(java.time.Duration.ofSeconds(Long.parseLong(scene[1])), scene[0].hashCode())));
        }
        Path csv = storyboard.write("by-url.csv");
        ObservedTraffic traffic = ObservedTraffic.of(simulator);
        JobExecution execution;
        try {
            execution = runs.run(csv);
        }
        finally {
            simulator.observe(null);
        }

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<String> paths = traffic.requests().stream()
                .map(request -> request.body().contains("updateEndpoint") ? "updateEndpoint" : request.path()).toList();
        assertThat(paths).filteredOn(path -> path.startsWith("/media/")).hasSize(3);
        int lastMedia = paths.lastIndexOf(paths.stream().filter(path -> path.startsWith("/media/")).reduce((a, b) -> b).orElseThrow());
        assertThat(lastMedia).as("every audio URL read before the worker is enabled").isLessThan(paths.indexOf("updateEndpoint"));
        // One scene at a time in this profile: the jobs were created in the submission order.
        assertThat(jobsOfThisTest()).extracting(SimulatedJobs::prompt)
                .containsExactly("Scene long speaking", "Scene middle speaking", "Scene short speaking");
    }

    /** How the run ended, as the job repository keeps it: the execution's exit code. */
    private RunOutcome storedOutcome(JobExecution execution) {
        String code = jdbc.queryForObject("SELECT exit_code FROM batch_job_execution WHERE job_execution_id = ?", String.class,
                execution.getId());
        assertThat(RunOutcome.of(execution).name()).isEqualTo(code);
        return RunOutcome.valueOf(code);
    }

        private static long instanceOf(JobExecution execution) {
        return execution.getJobInstance().getInstanceId();
    }

    private List<SimulatedJob> jobsOfThisTest() {
        List<SimulatedJob> all = simulator.jobs();
        return all.subList(journalStart, all.size());
    }

    private void assertWorkerEnabledThenRestored() {
        List<Integer> history = simulator.stats().workersMinHistory();
        assertThat(history).contains(1);
        assertThat(history.get(history.size() - 1)).isZero();
        assertThat(simulator.endpoint().workersMin()).isZero();
    }
}
