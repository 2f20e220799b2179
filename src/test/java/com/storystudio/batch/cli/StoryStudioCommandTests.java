package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.StoryStudioApplication;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.ownership.ProcessIdentity;
import com.storystudio.batch.simulator.EndpointConfig;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.DeadProcess;
import com.storystudio.batch.testing.MediaFixtures;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.RemoteCommand;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * The command as a user runs it: {@code main}'s SpringApplication with command-line arguments,
 * pointed through {@code --runpod.base-url} at an emulator that runs outside the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoryStudioCommandTests {

    @TempDir
    Path work;

    private RunPodSimulator remote;

    @BeforeEach
    void startRemoteEndpoint() {
        remote = RunPodSimulator.start(TestSimulators.fast());
    }

    @AfterEach
    void stopRemoteEndpoint() {
        remote.close();
    }

    @Test
    void helpPrintsTheOptionsAndExitCodes(CapturedOutput output) {
        assertThat(run("--help")).isZero();
        assertThat(output.getOut()).contains("--input=FILE", "--runpod.worker-control=graphql|rest|none", "Exit codes:",
                "3  the run finished but some scenes FAILED");
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong(CapturedOutput output) {
        String database = "--spring.datasource.url=" + databaseUrl();
        assertThat(run(database)).isEqualTo(2);
        assertThat(output.getErr()).contains("--input=FILE is required");

        assertThat(run("--inptu=scenes.csv", database)).isEqualTo(2);
        assertThat(output.getErr()).contains("unknown option --inptu");

        assertThat(run("--input=" + work.resolve("missing.csv"), database)).isEqualTo(2);
        assertThat(output.getErr()).contains("cannot read the input file");
    }

    @Test
    void withoutCredentialsAndWithoutSimulateNothingRuns(CapturedOutput output) {
        Path csv = Storyboard.in(work).remoteScene("s1").write("scenes.csv");

        assertThat(run("--input=" + csv, "--runpod.api-key=", "--runpod.endpoint-id=", "--spring.datasource.url=" + databaseUrl()))
                .isEqualTo(2);

        assertThat(output.getErr()).contains("RUNPOD_ENDPOINT_ID", "RUNPOD_API_KEY", "--simulate");
    }

    @Test
    void aRunAgainstAnotherEndpointCompletesEverySceneOnceAndLeavesWorkersMinWhereItWas(CapturedOutput output) throws Exception {
        Path csv = Storyboard.in(work).localScene("first").remoteScene("second").localScene("third").write("project.csv");

        assertThat(runAgainstRemote("--input=" + csv)).isZero();

        assertThat(output.getOut()).contains("run COMPLETED", "3 total, 3 with video, 0 failed");
        assertThat(SimulatedJobs.countByPrompt(remote.jobs()).values()).hasSize(3).containsOnly(1L);
        assertThat(remote.stats().workersMinHistory()).containsExactly(0, 1, 0);
        List<String> results = Files.readAllLines(work.resolve("out/project-results.csv"));
        assertThat(results).hasSize(4);
        assertThat(results.subList(1, 4)).allSatisfy(line -> assertThat(line).contains(",COMPLETED," + remote.baseUrl()));
        assertTheCostOfEachSceneIsWhatItsJobRan(results);
        assertThat(output.getOut()).containsPattern("GPU time +\\d+\\.\\d\\d h of execution, about \\$\\d+\\.\\d\\d at \\$1\\.89/h");

        int jobsAfterFirstRun = remote.jobs().size();
        long graphQlAfterFirstRun = remote.stats().graphqlRequests();
        assertThat(runAgainstRemote("--input=" + csv)).isZero();
        assertThat(output.getOut()).contains("already done");
        assertThat(remote.jobs()).hasSize(jobsAfterFirstRun);
        assertThat(remote.stats().graphqlRequests()).isEqualTo(graphQlAfterFirstRun);
    }

    @Test
    void theScenesWithTheLongestAudioGoToRunPodFirstUnlessInputOrderIsAsked() {
        Path csv = Storyboard.in(work).localScene("short", Duration.ofSeconds(1), "480p", 20).localScene("long", Duration.ofSeconds(3), "480p", 20)
                .localScene("middle", Duration.ofSeconds(2), "480p", 20).write("order.csv");

        assertThat(runAgainstRemote("--input=" + csv)).isZero();
        assertThat(remote.jobs()).extracting(SimulatedJobs::prompt)
                .containsExactly("Scene long speaking", "Scene middle speaking", "Scene short speaking");

        int before = remote.jobs().size();
        assertThat(runAgainstRemote("--input=" + csv, "--submission-order=input", "--regenerate")).isZero();
        assertThat(remote.jobs().subList(before, remote.jobs().size())).extracting(SimulatedJobs::prompt)
                .containsExactly("Scene short speaking", "Scene long speaking", "Scene middle speaking");
    }

    @Test
    void anEndpointThatAlreadyKeepsActiveWorkersIsNotScaledAtAll() {
        remote.setEndpoint(new EndpointConfig(2, 3, 120));
        Path csv = Storyboard.in(work).remoteScene("warm").write("warm.csv");

        assertThat(runAgainstRemote("--input=" + csv)).isZero();

        assertThat(remote.stats().workersMinHistory()).containsExactly(0, 2);
        assertThat(remote.endpoint()).isEqualTo(new EndpointConfig(2, 3, 120));
    }

    @Test
    void restWorkerControlScalesThroughTheManagementApiInstead() {
        Path csv = Storyboard.in(work).remoteScene("rest-1").write("rest.csv");

        assertThat(runAgainstRemote("--input=" + csv, "--runpod.worker-control=rest", "--runpod.management-url=" + remote.baseUrl()))
                .isZero();

        assertThat(remote.stats().managementRequests()).isPositive();
        assertThat(remote.stats().graphqlRequests()).isZero();
        assertThat(remote.stats().workersMinHistory()).containsExactly(0, 1, 0);
    }

    @Test
    void withWorkerControlNoneTheEndpointsScalingIsNeverTouched() {
        Path csv = Storyboard.in(work).remoteScene("flex-1").write("flex.csv");

        assertThat(runAgainstRemote("--input=" + csv, "--runpod.worker-control=none")).isZero();

        assertThat(remote.stats().managementRequests()).isZero();
        assertThat(remote.stats().graphqlRequests()).isZero();
        assertThat(remote.stats().workersMinHistory()).containsExactly(0);
    }

    @Test
    void invalidInputIsReportedWithLineAndColumnAndCostsNothing(CapturedOutput output) {
        Path csv = Storyboard.in(work).remoteScene("good")
                .row("bad-steps,https://media.example/a.png,https://media.example/a.mp3,prompt,480p,12")
                .row("bad-res,https://media.example/b.png,https://media.example/b.mp3,prompt,1080p,20")
                .write("invalid.csv");

        assertThat(runAgainstRemote("--input=" + csv)).isEqualTo(2);

        assertThat(output.getErr()).contains("line 3, column 6 (sample_steps)", "line 4, column 5 (resolution)");
        assertThat(output.getErr()).contains("input rejected: 2 problem(s) in " + csv + "; nothing was submitted or changed");
        assertThat(output.toString()).doesNotContain("\tat ", "Exception");
        assertThat(remote.stats().runRequests()).isZero();
        assertThat(remote.stats().graphqlRequests()).isZero();
    }

    @Test
    void aRunWithFailedScenesExitsWithThreeAndNamesThem(CapturedOutput output) {
        Path csv = Storyboard.in(work).localScene("ok").sceneWithUndecodableImage("bad").write("partial.csv");

        assertThat(runAgainstRemote("--input=" + csv)).isEqualTo(3);

        assertThat(output.getOut()).contains("2 total, 1 with video, 1 failed", "FAILED bad (line 3): ", "Cannot decode image");
        assertThat(remote.endpoint().workersMin()).isZero();
    }

    @Test
    void reRunningTheCommandAfterAFailedRunSubmitsOnlyWhatIsMissing(CapturedOutput output) throws Exception {
        Storyboard storyboard = Storyboard.in(work).localScene("done-1").sceneWithUndecodableImage("redo").localScene("done-2");
        Path csv = storyboard.write("rerun.csv");
        assertThat(runAgainstRemote("--input=" + csv)).isEqualTo(3);

        MediaFixtures.png(storyboard.folder().resolve("media/redo.png"));
        assertThat(runAgainstRemote("--input=" + csv)).isZero();

        assertThat(output.getOut()).contains("(job instance 1, execution 2)", "3 total, 3 with video, 0 failed");
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).containsOnly(
                Map.entry("Scene done-1 speaking", 1L), Map.entry("Broken scene redo", 2L), Map.entry("Scene done-2 speaking", 1L));
        assertThat(Files.readAllLines(work.resolve("out/rerun-results.csv"))).hasSize(4)
                .filteredOn(line -> line.startsWith("redo,")).singleElement().asString().contains(",COMPLETED,");
        assertThat(remote.endpoint().workersMin()).isZero();
    }

    @Test
    void theApiKeyAppearsNowhere(CapturedOutput output) throws Exception {
        Path csv = Storyboard.in(work).localScene("quiet").sceneWithUndecodableImage("noisy").write("secret.csv");
        remote.faults().setHttp500Rate(0.2);

        runAgainstRemote("--input=" + csv, "--logging.level.com.storystudio=DEBUG");

        String key = remote.apiKey();
        assertThat(output.getAll()).doesNotContain(key);
        assertThat(Files.readString(work.resolve("out/secret-results.csv"))).doesNotContain(key);
        assertThat(databaseText()).isNotEmpty().noneMatch(value -> value.contains(key));
    }

    @Test
    void simulateRunsTheSampleProjectOnTheBuiltInEmulator(CapturedOutput output) throws Exception {
        Path sample = Path.of("sample-data/scenes.csv");

        assertThat(run("--input=" + sample, "--simulate", "--output-dir=" + work.resolve("out"),
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/simulate") + ";DB_CLOSE_ON_EXIT=FALSE")).isZero();

        assertThat(output.getOut()).contains("5 total, 5 with video, 0 failed", "GPU worker time billed");
        // The sample's remote media are on a real host: a rehearsal reads nothing from it.
        assertThat(output.getAll()).doesNotContain("parentearn.com");
        List<String> results = Files.readAllLines(work.resolve("out/scenes-results.csv"));
        assertThat(results).hasSize(6);
        assertThat(results.subList(1, 6)).allSatisfy(line -> assertThat(line).matches("[a-z-]+,COMPLETED,http://127\\.0\\.0\\.1:\\d+/videos/.*"));
    }

    @Test
    void aSecondLaunchWhileALiveProcessRunsTheInputExitsSevenAndTouchesNothing(CapturedOutput output) throws Exception {
        Path csv = Storyboard.in(work).remoteScene("busy-1").write("busy.csv");
        createDatabase();
        ProcessIdentity self = ProcessIdentity.current();
        sql("INSERT INTO run_owner (owner_id, run_key, input_path, host, pid, process_started_ms, started_at, heartbeat_at) "
                + "VALUES ('the-nightly-run', ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                runKey(csv), csv.toRealPath().toString(), self.host(), self.pid(), self.startedMs());

        assertThat(runAgainstRemote("--input=" + csv)).isEqualTo(7);

        assertThat(output.getErr()).contains("another StoryStudio process (pid " + self.pid(), "is running " + csv.toRealPath(),
                "nothing was done");
        assertThat(remote.stats().runRequests()).isZero();
        assertThat(remote.stats().graphqlRequests()).isZero();
    }

    @Test
    void aRunWhoseProcessDiedIsRecoveredByTheNextLaunchAndContinued(CapturedOutput output) throws Exception {
        Path csv = Storyboard.in(work).localScene("crash-1").localScene("crash-2").write("crash.csv");
        // RunPod goes down once the worker is enabled: nothing submitted, and the worker change not undone.
        ObservedTraffic.of(remote).onNth(1, ObservedTraffic.enableMutation(), request -> remote.faults().setUnavailable(true));
        assertThat(runAgainstRemote("--input=" + csv, "--storystudio.restore-retry-delay=10ms")).isEqualTo(5);
        remote.faults().setUnavailable(false);
        // What kill -9 leaves behind: the execution and its steps STARTED, the dead process's row.
        sql("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL");
        sql("UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL");
        ProcessIdentity dead = DeadProcess.onThisHost();
        sql("INSERT INTO run_owner (owner_id, run_key, input_path, host, pid, process_started_ms, started_at, heartbeat_at) "
                + "VALUES ('killed-run', ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                runKey(csv), csv.toRealPath().toString(), dead.host(), dead.pid(), dead.startedMs());

        assertThat(runAgainstRemote("--input=" + csv)).isZero();

        assertThat(output.getOut()).contains("belonged to a process that is gone (pid " + dead.pid(), "Recovering the run of",
                "run COMPLETED", "2 total, 2 with video");
        assertThat(SimulatedJobs.countByPrompt(remote.jobs()).values()).hasSize(2).containsOnly(1L);
        assertThat(remote.endpoint().workersMin()).isZero();
        assertThat(sqlCount("SELECT COUNT(*) FROM batch_job_execution WHERE status IN ('STARTED', 'STOPPING')")).isZero();
        assertThat(sqlCount("SELECT COUNT(*) FROM run_owner")).isZero();
    }

    @Test
    void aLaunchOfAnInputAlreadyDoneStillPutsBackAScalingLeftChanged(CapturedOutput output) throws Exception {
        Path csv = Storyboard.in(work).localScene("done").write("done.csv");
        assertThat(runAgainstRemote("--input=" + csv)).isZero();
        // What an earlier run that could not restore left behind.
        remote.setEndpoint(new EndpointConfig(1, 3, 300));
        sql("INSERT INTO worker_baseline (endpoint_id, workers_min, idle_timeout_seconds, recorded_at) VALUES (?, 0, 45, CURRENT_TIMESTAMP)",
                remote.endpointId());

        assertThat(runAgainstRemote("--input=" + csv)).isZero();

        assertThat(output.getOut()).contains("already done", "endpoint scaling as it was before the run");
        assertThat(remote.endpoint()).isEqualTo(new EndpointConfig(0, 3, 45));
        assertThat(sqlCount("SELECT COUNT(*) FROM worker_baseline")).isZero();
    }

    @Test
    void restoreWorkerPutsBackTheScalingARunLeftBehind(CapturedOutput output) throws Exception {
        createDatabase();
        remote.setEndpoint(new EndpointConfig(1, 3, 300));
        sql("INSERT INTO worker_baseline (endpoint_id, workers_min, idle_timeout_seconds, recorded_at) VALUES (?, 0, 45, CURRENT_TIMESTAMP)",
                remote.endpointId());

        assertThat(restoreWorker()).isZero();

        assertThat(output.getOut()).contains("restored to its scaling from before the run");
        assertThat(remote.endpoint()).isEqualTo(new EndpointConfig(0, 3, 45));
        assertThat(restoreWorker()).isZero();
        assertThat(output.getOut()).contains("nothing to restore");
        assertThat(remote.stats().runRequests()).isZero();
    }

    @Test
    void aStoryboardWithScenesGeneratedBeforeReusesTheirVideosUnlessAskedToRegenerate(CapturedOutput output) throws Exception {
        Path first = Storyboard.in(work.resolve("monday")).localScene("hello").localScene("bye").write("monday.csv");
        Path second = Storyboard.in(work.resolve("tuesday")).localScene("hello").localScene("bye").remoteScene("new")
                .write("tuesday.csv");
        assertThat(runAgainstRemote("--input=" + first)).isZero();
        int jobsAfterMonday = remote.jobs().size();

        assertThat(runAgainstRemote("--input=" + second)).isZero();

        assertThat(remote.jobs()).hasSize(jobsAfterMonday + 1);
        List<String> tuesday = Files.readAllLines(work.resolve("out/tuesday-results.csv"));
        assertThat(tuesday.get(0)).endsWith(",reused_from,possible_duplicates,gpu_seconds,cost_usd,video_file");
        assertThat(tuesday.subList(1, 4)).satisfiesExactly(
                line -> assertThat(line).as("reused: paid for by monday's run").startsWith("hello,COMPLETED,").matches(".*,[0-9a-f-]+-e1,0,,,$"),
                line -> assertThat(line).startsWith("bye,COMPLETED,").matches(".*,[0-9a-f-]+-e1,0,,,$"),
                line -> assertThat(line).startsWith("new,COMPLETED,").matches(".*,,0,[0-9.]+,[0-9.]+,$"));

        assertThat(runAgainstRemote("--input=" + second, "--regenerate")).isZero();
        assertThat(remote.jobs()).hasSize(jobsAfterMonday + 4);
        assertThat(Files.readAllLines(work.resolve("out/tuesday-results.csv")).subList(1, 4)).allSatisfy(line ->
                assertThat(line).matches(".*,,0,[0-9.]+,[0-9.]+,$"));
    }

    /** Each scene's gpu_seconds is its job's execution on the emulator, and its cost_usd that time at $1.89 an hour. */
    private void assertTheCostOfEachSceneIsWhatItsJobRan(List<String> results) {
        Map<String, Double> executed = remote.jobs().stream().collect(java.util.stream.Collectors.toMap(SimulatedJobs::prompt,
                job -> java.time.Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1000.0));
        assertThat(results.subList(1, results.size())).allSatisfy(line -> {
            // gpu_seconds and cost_usd come before video_file, which is blank without --download.
            String[] cells = line.split(",", -1);
            double gpuSeconds = Double.parseDouble(cells[cells.length - 3]);
            assertThat(gpuSeconds).isCloseTo(executed.get("Scene " + cells[0] + " speaking"), org.assertj.core.data.Offset.offset(0.001));
            assertThat(new java.math.BigDecimal(cells[cells.length - 2]))
                    .isEqualByComparingTo(java.math.BigDecimal.valueOf(gpuSeconds * 1.89 / 3600).setScale(4, java.math.RoundingMode.HALF_UP));
        });
    }

    private int runAgainstRemote(String... arguments) {
        return RemoteCommand.against(remote, work).run(arguments);
    }

    /** Spring Boot's start creates the job database; putting back a worker nobody changed does nothing else. */
    private void createDatabase() {
        assertThat(restoreWorker()).isZero();
    }

    /** {@code --restore-worker} against the remote endpoint: it takes the RunPod settings, not a run's options. */
    private int restoreWorker() {
        return run("--restore-worker", "--runpod.base-url=" + remote.baseUrl(), "--runpod.endpoint-id=" + remote.endpointId(),
                "--runpod.api-key=" + remote.apiKey(), "--spring.datasource.url=" + databaseUrl());
    }

    private static int run(String... arguments) {
        return StoryStudioApplication.launch(arguments);
    }

    private String databaseUrl() {
        return RemoteCommand.against(remote, work).databaseUrl();
    }

    private void sql(String statement, Object... arguments) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "");
             PreparedStatement prepared = connection.prepareStatement(statement)) {
            for (int i = 0; i < arguments.length; i++) {
                prepared.setObject(i + 1, arguments[i]);
            }
            prepared.executeUpdate();
        }
    }

    private long sqlCount(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "");
             ResultSet rows = connection.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String runKey(Path csv) throws Exception {
        RunParameters run = RunParameters.of(csv, remote.endpointId(), work.resolve("out"));
        return new DefaultJobKeyGenerator().generateKey(run.toJobParameters());
    }

    /** Every text value in every table of the job database. */
    private List<String> databaseText() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "");
             ResultSet dump = connection.createStatement().executeQuery("SCRIPT NODATA")) {
            while (dump.next()) {
                values.add(dump.getString(1));
            }
        }
        try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "");
             ResultSet dump = connection.createStatement().executeQuery("SCRIPT")) {
            while (dump.next()) {
                values.add(dump.getString(1));
            }
        }
        return values;
    }
}
