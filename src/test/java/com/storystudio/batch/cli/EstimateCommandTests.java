package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.StoryStudioApplication;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.RemoteCommand;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * {@code --estimate} against an emulator outside the application: it prints the plan from the published timings
 * or from the ledger's history of the endpoint, with ranges, and never submits or scales anything.
 * <p>
 * The storyboard has audio of 5, 10, 12 and 3 s: 35 s rendered in whole 5-second clips, at 480p with 20 steps,
 * on an endpoint of two workers. The figures below are worked out by hand from that.
 */
@ExtendWith(OutputCaptureExtension.class)
class EstimateCommandTests {

    @TempDir
    Path work;

    private RunPodSimulator remote;
    private ObservedTraffic traffic;
    private Path csv;

    @BeforeEach
    void start() {
        remote = RunPodSimulator.start(TestSimulators.fast().withWorkersMax(2));
        traffic = ObservedTraffic.of(remote);
        csv = Storyboard.in(work.resolve("project"))
                .localScene("a", Duration.ofSeconds(5)).localScene("b", Duration.ofSeconds(10))
                .localScene("c", Duration.ofSeconds(12)).localScene("d", Duration.ofSeconds(3))
                .write("scenes.csv");
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    @Test
    void withoutHistoryThePlanComesFromThePublishedTimingsAndNothingIsChangedOrSubmitted(CapturedOutput output) {
        assertThat(estimate()).isEqualTo(0);

        // 30 GPU s per audio second (24 to 36): 1050 s of jobs, and two model loads of 750 s (600 to 900).
        assertThat(output.getOut()).contains(
                "4 to generate, of 4; 0 reuse",
                "audio       30.0 s in all",
                "2 at once: the endpoint's workersMax",
                "480p, 20 steps (4 scene(s)): 30.0 GPU s per audio second (24.0 to 36.0), from the published timings",
                "60 s worker start, from the published timings; 13 min model load (10 min to 15 min), from the published timings",
                "GPU time    0.71 h (0.57 to 0.85 h)",
                "cost        $1.34 ($1.07 to $1.61) at $1.89 per GPU hour",
                // Jobs of 450, 300, 150 and 150 s on two workers after 810 s of cold start: 1410 s (1140 to 1680).
                "makespan    24 min (19 min to 28 min) on 2 worker(s)");
        assertNothingChangedOrSubmitted(output);
    }

    @Test
    void withHistoryThePlanComesFromEarlierJobsOnThisEndpoint(CapturedOutput output) throws SQLException {
        assertThat(estimate()).isEqualTo(0); // creates the job database
        try (Connection db = DriverManager.getConnection(command().databaseUrl(), "sa", "")) {
            // Twenty warm jobs of 10 s of audio, half at 9 GPU s per audio second, half at 11; two cold ones with 600 s of load.
            for (int i = 1; i <= 20; i++) {
                job(db, remote.endpointId(), "w" + i, 10.0, i % 2 == 0 ? 90_000 : 110_000);
            }
            job(db, remote.endpointId(), "cold1", 10.0, 700_000);
            job(db, remote.endpointId(), "cold2", 10.0, 700_000);
            // Another endpoint's jobs are no history of this one.
            for (int i = 1; i <= 20; i++) {
                job(db, "another-endpoint", "x" + i, 10.0, 5_000_000);
            }
        }

        assertThat(estimate()).isEqualTo(0);

        // 350 s of jobs (315 to 385) and two model loads of 600 s.
        assertThat(output.getOut()).contains(
                "480p, 20 steps (4 scene(s)): 10.0 GPU s per audio second (9.0 to 11.0), from 20 earlier jobs at 480p, 20 steps on this endpoint",
                "10 min model load (10 min to 10 min), from 2 cold start(s) seen on this endpoint",
                "GPU time    0.43 h (0.42 to 0.44 h)",
                "cost        $0.81 ($0.80 to $0.83) at $1.89 per GPU hour",
                // Jobs of 150, 100, 50 and 50 s on two workers after 660 s: 860 s (840 to 880).
                "makespan    14 min (14 min to 15 min) on 2 worker(s)");
        assertNothingChangedOrSubmitted(output);
    }

    @Test
    void aRunRecordsItsAudioLengthsAndTheNextEstimateLearnsFromThem(CapturedOutput output) throws SQLException {
        Storyboard earlier = Storyboard.in(work.resolve("earlier"));
        for (int i = 1; i <= 12; i++) {
            earlier.localScene("e" + i, Duration.ofSeconds(4));
        }
        assertThat(command().run("--input=" + earlier.write("earlier.csv"))).isEqualTo(0);
        try (Connection db = DriverManager.getConnection(command().databaseUrl(), "sa", "");
             var rows = db.createStatement().executeQuery("SELECT MIN(audio_seconds), MAX(audio_seconds) FROM scene_submission")) {
            rows.next();
            assertThat(rows.getDouble(1)).isBetween(3.99, 4.01);
            assertThat(rows.getDouble(2)).isBetween(3.99, 4.01);
        }
        long runsBefore = remote.stats().runRequests();

        assertThat(estimate()).isEqualTo(0);

        assertThat(output.getOut()).contains("earlier jobs at 480p, 20 steps on this endpoint");
        assertThat(remote.stats().runRequests()).isEqualTo(runsBefore);

        // The scenes of the earlier run have their videos: a run of them would reuse every one and pay nothing.
        assertThat(launch(command(), "--estimate", "--input=" + earlier.folder().resolve("earlier.csv"))).isEqualTo(0);

        assertThat(output.getOut()).contains("0 to generate, of 12; 12 reuse a video this endpoint already made",
                "GPU time    0.00 h (0.00 to 0.00 h)", "makespan    0 s");
        assertThat(remote.stats().runRequests()).isEqualTo(runsBefore);
    }

    @Test
    void underSimulateNoKeyIsNeeded(CapturedOutput output) {
        int exit = StoryStudioApplication.launch("--estimate", "--input=" + csv, "--simulate",
                "--spring.datasource.url=" + command().databaseUrl(), "--runpod.api-key=", "--runpod.endpoint-id=");

        assertThat(exit).isEqualTo(0);
        // The emulator's own endpoint: three workers by default.
        assertThat(output.getOut()).contains("3 at once: the endpoint's workersMax", "from the published timings");
        assertThat(output.toString()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void audioOfUnknownLengthCountsAsTheAverageOfTheOthers(CapturedOutput output) {
        // A closed port on this host: whatever reads remote audio learns at once that it cannot.
        csv = Storyboard.in(work.resolve("mixed"))
                .localScene("a", Duration.ofSeconds(5)).localScene("b", Duration.ofSeconds(15))
                .row("r,http://127.0.0.1:9/r.png,http://127.0.0.1:9/r.mp3,Scene r speaking,480p,20")
                .write("mixed.csv");

        assertThat(estimate()).isEqualTo(0);

        assertThat(output.getOut()).contains("audio       30.0 s in all; 1 scene(s) of unknown length counted as 10.0 s each");
        assertNothingChangedOrSubmitted(output);
    }

    @Test
    void anInvalidInputIsRejectedBeforeAnythingStarts(CapturedOutput output) {
        csv = Storyboard.in(work.resolve("bad")).localScene("a").row("b,media/missing.png,media/missing.wav,x,480p,20").write("bad.csv");

        assertThat(estimate()).isEqualTo(2);

        assertThat(output.getErr()).contains("input rejected");
        assertThat(traffic.requests()).isEmpty();
    }

    @Test
    void withoutWorkerControlTheWorkersAreThoseTheRunKeepsInFlight(CapturedOutput output) {
        assertThat(estimate("--runpod.worker-control=none")).isEqualTo(0);

        assertThat(output.getOut()).contains("4 at once: the endpoint's workersMax is not read with --runpod.worker-control=none; "
                + "assumed 4, the scenes the run then keeps in flight");
        assertThat(remote.stats().graphqlRequests()).isZero();
        assertNothingChangedOrSubmitted(output);
    }

    @Test
    void aRefusedKeyIsAUsageErrorAndNothingIsPrintedAsAPlan(CapturedOutput output) {
        assertThat(estimate("--runpod.api-key=not-the-key")).isEqualTo(2);

        assertThat(output.getErr()).contains("RunPod refused the API key (HTTP 401", "nothing was changed or submitted");
        assertThat(output.getOut()).doesNotContain("GPU time");
        assertThat(output.toString()).doesNotContain("not-the-key");
        assertNothingChangedOrSubmitted(output);
    }

    @Test
    void aWrongEndpointIdIsAUsageError(CapturedOutput output) {
        assertThat(estimate("--runpod.endpoint-id=no-such-endpoint")).isEqualTo(2);

        assertThat(output.getErr()).contains("/v2/no-such-endpoint/health");
        assertNothingChangedOrSubmitted(output);
    }

    @Test
    void anUnreachableRunPodEndsWithFour(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        int exit = launch(RemoteCommand.at(URI.create("http://127.0.0.1:" + closedPort), remote, work), "--estimate", "--input=" + csv,
                "--runpod.http.retry-max-delay=20ms", "--runpod.http.max-retries=2");

        assertThat(exit).isEqualTo(4);
        assertThat(output.getErr()).contains("RunPod did not answer", "nothing was changed or submitted");
        assertThat(output.toString()).doesNotContain("\tat ");
    }

    @Test
    void theEstimateWordWorksAsTheFlagDoes(CapturedOutput output) {
        assertThat(launch(command(), "estimate", "--input=" + csv)).isEqualTo(0);

        assertThat(output.getOut()).contains("GPU time    0.71 h");
    }

    private int estimate(String... more) {
        String[] arguments = new String[more.length + 2];
        arguments[0] = "--estimate";
        arguments[1] = "--input=" + csv;
        System.arraycopy(more, 0, arguments, 2, more.length);
        return launch(command(), arguments);
    }

    /** The command's defaults without {@code --output-dir}, which the estimate does not take: it writes nothing. */
    private static int launch(RemoteCommand command, String... arguments) {
        return StoryStudioApplication.launch(Arrays.stream(command.arguments(arguments))
                .filter(argument -> !argument.startsWith("--output-dir=")).toArray(String[]::new));
    }

    private RemoteCommand command() {
        return RemoteCommand.against(remote, work);
    }

    private void assertNothingChangedOrSubmitted(CapturedOutput output) {
        assertThat(traffic.count(request -> request.route().equals("RUN"))).isZero();
        assertThat(traffic.count(request -> request.route().equals("MANAGEMENT"))).isZero();
        assertThat(traffic.count(request -> request.body().contains("mutation"))).isZero();
        assertThat(remote.stats().workersMinHistory()).containsExactly(0);
        assertThat(output.toString()).doesNotContain("\tat ", "Exception");
    }

    /** A completed job of an earlier run, with its scene's result: what a run leaves in the ledger. */
    private static void job(Connection db, String endpointId, String sceneId, double audioSeconds, long executionMs) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement submission = db.prepareStatement("""
                INSERT INTO scene_submission (job_instance_id, scene_id, attempt, fingerprint, state, started_at, finished_at,
                                              endpoint_id, delay_ms, execution_ms, audio_seconds)
                VALUES (9000, ?, 1, ?, 'COMPLETED', ?, ?, ?, 1000, ?, ?)""");
             PreparedStatement result = db.prepareStatement("""
                INSERT INTO scene_result (job_instance_id, scene_id, position, status, resolution, sample_steps, attempts,
                                          fingerprint, recorded_at)
                VALUES (9000, ?, 1, 'COMPLETED', '480p', 20, 1, ?, ?)""")) {
            submission.setString(1, sceneId);
            submission.setString(2, "fingerprint-" + sceneId);
            submission.setTimestamp(3, now);
            submission.setTimestamp(4, now);
            submission.setString(5, endpointId);
            submission.setLong(6, executionMs);
            submission.setDouble(7, audioSeconds);
            submission.executeUpdate();
            result.setString(1, sceneId);
            result.setString(2, "fingerprint-" + sceneId);
            result.setTimestamp(3, now);
            result.executeUpdate();
        }
    }
}
