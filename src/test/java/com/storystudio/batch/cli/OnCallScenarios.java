package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.StoryStudioApplication;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.ownership.ProcessIdentity;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatedJob;
import com.storystudio.batch.testing.DeadProcess;
import com.storystudio.batch.testing.PausableClock;
import com.storystudio.batch.testing.RemoteCommand;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * The on-call commands as a user runs them ({@code java -jar ... list}, in this JVM) against the project's emulator,
 * on the job database a subclass gives: a night with a completed run, a run whose jobs wait on RunPod while its
 * process lives, then fails, is left as a kill leaves it, is abandoned, has its jobs cancelled and starts over.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class OnCallScenarios {

    private static final Set<String> ON_CALL = Set.of("list", "show", "abandon", "cancel-jobs", "health", "shwo");

    @TempDir
    Path work;

    RunPodSimulator remote;
    PausableClock clock;

    /** The database options of every launch ({@code --spring.datasource.*}). */
    abstract List<String> database();

    /** A connection to the same database, as the test's own. */
    abstract Connection connect() throws SQLException;

    @BeforeEach
    void startRemoteEndpoint() {
        clock = new PausableClock(TestSimulators.fast().timeScale());
        remote = RunPodSimulator.start(TestSimulators.fast(), clock);
    }

    @AfterEach
    void stopRemoteEndpoint() {
        remote.close();
    }

    @Test
    void aNightOnCallListShowAbandonCancelJobsAndHealth(CapturedOutput output) throws Exception {
        Path done = Storyboard.in(work).localScene("a").localScene("b").write("done.csv");
        Path stalled = Storyboard.in(work).localScene("a").localScene("x").localScene("y").write("stalled.csv");
        assertThat(run("--input=" + done)).isZero();
        List<String> doneJobs = remote.jobs().stream().map(SimulatedJob::id).toList();

        // A run whose two new jobs wait in RunPod's queue while its process lives (scene a reuses done's video).
        clock.pause();
        CompletableFuture<Integer> live = CompletableFuture.supplyAsync(
                () -> run("--input=" + stalled, "--runpod.worker-control=none", "--runpod.http.max-retry-time=1s"));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM scene_submission WHERE state = 'SUBMITTED'") == 2);
        List<String> waiting = remote.jobs().stream().filter(job -> job.status().equals("IN_QUEUE")).map(SimulatedJob::id).toList();
        assertThat(waiting).hasSize(2);

        int mark = output.getErr().length();
        assertThat(run("abandon", stalled.toString())).as("abandon of a live run").isEqualTo(7);
        assertThat(run("cancel-jobs", stalled.toString())).as("cancel-jobs of a live run").isEqualTo(7);
        assertThat(output.getErr().substring(mark)).contains("another StoryStudio process").contains("nothing was done")
                .contains("nothing was cancelled");
        assertThat(remote.stats().cancelRequests()).isZero();

        String health = out(output, () -> assertThat(run("health")).isZero());
        String emulator = emulatorHealth();
        assertThat(health).contains("Endpoint " + remote.endpointId())
                .contains("workers: %s idle, %s running, %s initializing".formatted(field(emulator, "idle"), field(emulator, "running"),
                        field(emulator, "initializing")))
                .contains("jobs: %s in queue, %s in progress".formatted(field(emulator, "inQueue"), field(emulator, "inProgress")))
                .contains("scaling: workersMin 0, workersMax 3");
        assertThat(field(emulator, "inQueue")).isEqualTo("2");

        String whileLive = out(output, () -> assertThat(run("show", stalled.toString())).isZero());
        assertThat(whileLive).contains("): STARTED,");
        for (String job : waiting) {
            assertThat(whileLive).containsPattern("(?m)^[xy] +IN_PROGRESS +1 +" + Pattern.quote(job) + " SUBMITTED");
        }

        // RunPod stops answering: the run fails, its jobs still queued there.
        remote.faults().setUnavailable(true);
        assertThat(live.get(60, TimeUnit.SECONDS)).as("the run's exit code").isEqualTo(4);
        remote.faults().setUnavailable(false);

        String listed = out(output, () -> assertThat(run("list")).isZero());
        assertThat(listed.lines().findFirst().orElseThrow()).startsWith("INSTANCE  STATUS");
        Matcher failed = Pattern.compile("(?m)^ *2 +FAILED +(\\d+) +0 +(\\d+) +\\S+ \\S+ +\\S+ +\\$0\\.\\d\\d +(\\d+) +" + Pattern.quote(
                stalled.toRealPath().toString()) + "$").matcher(listed);
        assertThat(failed.find()).as(listed).isTrue();
        assertThat(Integer.parseInt(failed.group(1)) + Integer.parseInt(failed.group(2))).as("done + left").isEqualTo(3);
        assertThat(listed).containsPattern("(?m)^ *1 +COMPLETED +2 +0 +0 .*\\$0\\.\\d\\d +1 +" + Pattern.quote(done.toRealPath().toString()));
        assertThat(listed.indexOf(stalled.toRealPath().toString())).as("newest first").isLessThan(listed.indexOf(done.toRealPath().toString()));

        String shownById = out(output, () -> assertThat(run("show", "1")).isZero());
        assertThat(shownById).startsWith("Run of " + done.toRealPath() + " (job instance 1): COMPLETED, 2 done, 0 failed, 0 left");
        assertThat(shownById).containsPattern("(?m)^a +COMPLETED +1 +\\S+ COMPLETED").containsPattern("(?m)^b +COMPLETED +1 +\\S+ COMPLETED");
        doneJobs.forEach(job -> assertThat(shownById).contains(job + " COMPLETED"));
        assertThat(shownById).doesNotContain(remote.apiKey());

        // What kill -9 leaves: the execution STARTED, the input claimed by a process that is gone.
        long stalledExecution = count("SELECT MAX(job_execution_id) FROM batch_job_execution WHERE job_instance_id = 2");
        leftAsAKillLeavesIt(stalledExecution, RunParameters.of(stalled, remote.endpointId(), work.resolve("out")).claimKey(), stalled);
        assertThat(out(output, () -> run("list"))).containsPattern("(?m)^ *2 +STARTED ");

        String abandoned = out(output, () -> assertThat(run("abandon", stalled.toString())).isZero());
        assertThat(abandoned).contains("execution %d) was left running by a process that is gone: recovered and ABANDONED"
                .formatted(stalledExecution)).contains("2 job(s) of it are still live on RunPod");
        assertThat(status(stalledExecution)).isEqualTo("ABANDONED");
        assertThat(count("SELECT COUNT(*) FROM run_owner")).as("the dead process's claim").isZero();
        assertThat(out(output, () -> run("abandon", String.valueOf(stalledExecution)))).contains("was already ABANDONED");

        String cancelled = out(output, () -> assertThat(run("cancel-jobs", stalled.toString())).isZero());
        assertThat(cancelled).contains("2 of 2 live job(s) of " + stalled.toRealPath() + " (job instance 2) cancelled");
        assertThat(remote.stats().cancelRequests()).isEqualTo(2);
        assertThat(remote.jobs()).allSatisfy(job -> assertThat(job.status())
                .isEqualTo(waiting.contains(job.id()) ? "CANCELLED" : "COMPLETED"));
        assertThat(count("SELECT COUNT(*) FROM scene_submission WHERE state = 'CANCELLED' AND error = 'cancelled: by the cancel-jobs command'"))
                .isEqualTo(2);

        // The next launch starts over as a new run: a's and nothing else's video is reused; x and y are paid for once more.
        clock.resume();
        long runRequests = remote.stats().runRequests();
        assertThat(run("--input=" + stalled)).isZero();
        assertThat(remote.stats().runRequests() - runRequests).isEqualTo(2);
        String after = out(output, () -> run("list"));
        assertThat(after).containsPattern("(?m)^ *3 +COMPLETED +3 +0 +0 ").containsPattern("(?m)^ *2 +ABANDONED ");

        String refused = err(output, () -> assertThat(run("abandon", done.toString())).isEqualTo(2));
        assertThat(refused).contains("the run of " + done.toRealPath() + " (job instance 1) completed; there is nothing to abandon");
        assertThat(output.toString()).doesNotContain("\tat ").doesNotContain(remote.apiKey());
    }

    @Test
    void mistakesAreOneLineWithExitTwoAndRunPodsSilenceIsFour(CapturedOutput output) {
        Path never = Storyboard.in(work).localScene("n").write("never.csv");
        assertThat(err(output, () -> assertThat(run("show", "999")).isEqualTo(2)))
                .contains("storystudio: no job execution 999 in the job database");
        assertThat(err(output, () -> assertThat(run("show", never.toString())).isEqualTo(2)))
                .contains("storystudio: no run of " + realPath(never) + " with its present content on endpoint " + remote.endpointId());
        assertThat(err(output, () -> assertThat(run("abandon", work.resolve("gone.csv").toString())).isEqualTo(2)))
                .contains("storystudio: cannot read the input file " + work.resolve("gone.csv"));
        assertThat(err(output, () -> assertThat(run("abandon")).isEqualTo(2))).contains("abandon needs its INPUT|EXECUTION");
        assertThat(err(output, () -> assertThat(run("shwo", "1")).isEqualTo(2))).contains("did you mean the command show?");
        assertThat(err(output, () -> assertThat(run("list", "--limit=0")).isEqualTo(2))).contains("--limit=0");
        assertThat(err(output, () -> assertThat(run("cancel-jobs", never.toString(), "--runpod.api-key=")).isEqualTo(2)))
                .contains("missing");
        assertThat(err(output, () -> assertThat(run("health", "--runpod.api-key=not-the-key")).isEqualTo(2)))
                .contains("RunPod refused the API key");
        assertThat(err(output, () -> assertThat(run("health", "--runpod.base-url=http://127.0.0.1:9", "--runpod.http.max-retry-time=200ms"))
                .isEqualTo(4))).contains("RunPod did not answer");
        assertThat(output.getErr().lines().filter(line -> line.startsWith("storystudio: "))).hasSize(9);
        assertThat(output.toString()).doesNotContain("\tat ").doesNotContain(remote.apiKey());
    }

    /** A launch, or an on-call command, which takes no --output-dir: the one default of a run's that it refuses. */
    int run(String... arguments) {
        List<String> given = new ArrayList<>(List.of(arguments));
        given.addAll(database());
        boolean onCall = ON_CALL.contains(arguments[0]);
        String[] all = Arrays.stream(RemoteCommand.against(remote, work).arguments(given.toArray(String[]::new)))
                .filter(argument -> !(onCall && argument.startsWith("--output-dir="))).toArray(String[]::new);
        return StoryStudioApplication.launch(all);
    }

    /** What the action printed on standard output. */
    private static String out(CapturedOutput output, Runnable action) {
        int from = output.getOut().length();
        action.run();
        return output.getOut().substring(from);
    }

    private static String err(CapturedOutput output, Runnable action) {
        int from = output.getErr().length();
        action.run();
        return output.getErr().substring(from);
    }

    private void leftAsAKillLeavesIt(long execution, String claimKey, Path input) throws Exception {
        ProcessIdentity dead = DeadProcess.onThisHost();
        try (Connection db = connect()) {
            update(db, "UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL WHERE job_execution_id = ?",
                    execution);
            update(db, """
                    INSERT INTO run_owner (owner_id, run_key, input_path, host, pid, process_started_ms, started_at, heartbeat_at)
                    VALUES ('killed', ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
                    claimKey, input.toRealPath().toString(), dead.host(), dead.pid(), dead.startedMs());
        }
    }

    private static void update(Connection db, String sql, Object... arguments) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            statement.executeUpdate();
        }
    }

    long count(String sql) throws SQLException {
        try (Connection db = connect(); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String status(long execution) throws SQLException {
        try (Connection db = connect();
             ResultSet rs = db.createStatement().executeQuery("SELECT status FROM batch_job_execution WHERE job_execution_id = " + execution)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** {@code /health} as the emulator answers it. */
    private String emulatorHealth() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(remote.baseUrl() + "/v2/" + remote.endpointId() + "/health"))
                .header("Authorization", "Bearer " + remote.apiKey()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
