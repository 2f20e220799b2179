package com.storystudio.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.result.ResultsCsvFile;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.FunctionalTestConfiguration;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.StoryboardRuns;

/**
 * The results CSV of a run that did not finish: a row per scene of the input, in input order, with
 * where each unfinished one stands. The scenes go to RunPod one at a time and in input order, so the
 * third {@code /run} comes when exactly two scenes are done.
 */
@SpringBootTest(properties = "storystudio.submission-order=input")
@ActiveProfiles("functional")
@Import(FunctionalTestConfiguration.class)
class ResultsCsvFunctionalTests {

    @TempDir
    static Path databaseFolder;

    @TempDir
    Path work;

    @Autowired
    StoryboardRuns runs;

    @Autowired
    RunPodSimulator simulator;

    @Autowired
    SubmissionLedger ledger;

    @Autowired
    StopRequest stop;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + databaseFolder.resolve("results") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @AfterEach
    void calmEmulator() {
        simulator.observe(null);
        simulator.faults().reset();
    }

    @Test
    @DirtiesContext // a stop request lasts as long as its application context
    void aRunStoppedMidWayListsEverySceneWithTheOnesNotFinishedInProgressOrPending() {
        // The third scene renders two minutes of audio: its job is still running when the window sees the stop.
        Path csv = Storyboard.in(work).localScene("stop-1").localScene("stop-2").localScene("stop-3", Duration.ofMinutes(2))
                .localScene("stop-4").localScene("stop-5").write("stopped.csv");
        Path results = work.resolve("out/stopped-results.csv");
        AtomicReference<List<String>> duringTheRun = new AtomicReference<>();
        ObservedTraffic traffic = ObservedTraffic.of(simulator);
        ObservedTraffic.Trigger third = traffic.onNth(3, ObservedTraffic.runOfScenes("stop-"), request -> {
            duringTheRun.set(lines(results));
            stop.request();
        });

        JobExecution stopped = runs.run(csv);

        assertThat(third.fired()).isTrue();
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(traffic.count(ObservedTraffic.runOfScenes("stop-"))).as("/run calls").isEqualTo(3);
        assertThat(ledger.scenesWithLiveJob(stopped.getJobInstance().getInstanceId())).containsExactly("stop-3");
        assertThat(duringTheRun.get()).as("the results CSV while the third scene was being submitted").satisfiesExactly(
                header -> assertThat(header).isEqualTo(String.join(",", ResultsCsvFile.HEADER)),
                line -> assertThat(line).startsWith("stop-1,COMPLETED,http://127.0.0.1:"),
                line -> assertThat(line).startsWith("stop-2,COMPLETED,http://127.0.0.1:"),
                line -> assertThat(line).isEqualTo("stop-3,PENDING,,,,,480p,20,,,,,,,"),
                line -> assertThat(line).isEqualTo("stop-4,PENDING,,,,,480p,20,,,,,,,"),
                line -> assertThat(line).isEqualTo("stop-5,PENDING,,,,,480p,20,,,,,,,"));
        assertThat(lines(results)).as("the results CSV after the stop").satisfiesExactly(
                header -> assertThat(header).startsWith("scene_id,status,"),
                line -> assertThat(line).startsWith("stop-1,COMPLETED,http://127.0.0.1:"),
                line -> assertThat(line).startsWith("stop-2,COMPLETED,http://127.0.0.1:"),
                line -> assertThat(line).as("with its live job").matches("stop-3,IN_PROGRESS,,[0-9a-f-]+-e1,,,480p,20,,,,,,,"),
                line -> assertThat(line).isEqualTo("stop-4,PENDING,,,,,480p,20,,,,,,,"),
                line -> assertThat(line).isEqualTo("stop-5,PENDING,,,,,480p,20,,,,,,,"));
    }

    @Test
    void aRunThatFailedInAnOutageListsEverySceneAndItsRestartCompletesTheList() {
        Path csv = Storyboard.in(work).localScene("outage-1").localScene("outage-2").localScene("outage-3", Duration.ofMinutes(2))
                .remoteScene("outage-4").localScene("outage-5").write("outage.csv");
        Path results = work.resolve("out/outage-results.csv");
        // The outage starts once the third scene's job exists: its /status calls, and the worker's restore, fail.
        ObservedTraffic traffic = ObservedTraffic.of(simulator);
        ObservedTraffic.Trigger third = traffic.onNth(3, ObservedTraffic.runOfScenes("outage-"),
                request -> simulator.faults().setUnavailable(true));

        JobExecution failed = runs.run(csv);

        assertThat(third.fired()).isTrue();
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(lines(results)).as("the results CSV after the failed run").satisfiesExactly(
                header -> assertThat(header).startsWith("scene_id,status,"),
                line -> assertThat(line).startsWith("outage-1,COMPLETED,http://127.0.0.1:"),
                line -> assertThat(line).startsWith("outage-2,COMPLETED,http://127.0.0.1:"),
                line -> assertThat(line).as("with its live job").matches("outage-3,IN_PROGRESS,,[0-9a-f-]+-e1,,,480p,20,,,,,,,"),
                line -> assertThat(line).isEqualTo("outage-4,PENDING,,,,,720p,25,,,,,,,"),
                line -> assertThat(line).isEqualTo("outage-5,PENDING,,,,,480p,20,,,,,,,"));

        simulator.faults().setUnavailable(false);
        JobExecution restarted = runs.run(csv);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(lines(results)).as("the results CSV after the restart").hasSize(6).element(3).asString()
                .startsWith("outage-3,COMPLETED,http://127.0.0.1:");
        assertThat(lines(results).subList(1, 6)).allSatisfy(line -> assertThat(line).contains(",COMPLETED,"));
    }

    @Test
    void aRunThatGaveUpOnFailingScenesListsTheOnesItNeverFinishedAsPending() {
        simulator.faults().setTransientJobFailureRate(1.0);
        Path csv = Storyboard.in(work).localScene("doomed-1").localScene("doomed-2").localScene("doomed-3").write("doomed.csv");

        JobExecution failed = runs.run(csv);

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(lines(work.resolve("out/doomed-results.csv"))).satisfiesExactly(
                header -> assertThat(header).startsWith("scene_id,status,"),
                line -> assertThat(line).startsWith("doomed-1,FAILED,,").contains("gave up after 3 attempts"),
                // Not finished, but maybe paid for: a failed attempt of it ran on a GPU.
                line -> assertThat(line).matches("doomed-2,PENDING,,,,,480p,20,,,,,([0-9.]+,[0-9.]+|,),"),
                line -> assertThat(line).matches("doomed-3,PENDING,,,,,480p,20,,,,,([0-9.]+,[0-9.]+|,),"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
