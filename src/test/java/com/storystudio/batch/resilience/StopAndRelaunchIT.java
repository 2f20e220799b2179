package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.storystudio.batch.simulator.ObservedRequest;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatedJob;
import com.storystudio.batch.simulator.SimulatorSettings;
import com.storystudio.batch.simulator.SimulatorStats;
import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.StoryStudioJar;
import com.storystudio.batch.testing.StoryStudioProcess;
import com.storystudio.batch.testing.TestSimulators;

/**
 * SIGTERM (kill PID, a scheduler's stop, Ctrl-C) stops a run gracefully: exit 6, its execution STOPPED, the
 * endpoint's workersMin back where it was before the process is gone, and the same command continues the run,
 * re-attaching the remote jobs that kept running. With {@code --cancel-on-stop} those jobs are cancelled instead.
 */
class StopAndRelaunchIT {

    private static final int SCENES = 40;
    private static final int STOPS = 4;
    private static final int STOPPED = 6;
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);
    private static final String IN_FLIGHT = "--max-in-flight=3";

    @TempDir
    Path work;

    private RunPodSimulator remote;
    private ObservedTraffic traffic;
    private StoryStudioJar jar;

    @AfterEach
    void stop() {
        if (jar != null) {
            jar.close();
        }
        if (remote != null) {
            remote.close();
        }
    }

    /**
     * The fixed seeds, unless {@code -Dresilience.seed=N|random} chooses one (see {@link Seeds}). Both draw a
     * {@code /run} for the last stop: a {@code /status} there may be numbered past the last poll of the launch.
     */
    static LongStream seeds() {
        return Seeds.chosenOr(3L, 7L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fourStopsEachExitSixWithTheWorkerRestoredAndTheRelaunchFinishesWithOneJobPerScene(long seed) {
        // As JarAgainstEmulator: results kept 30 simulated days, so that a relaunch slowed by a loaded machine finds
        // them (TestSimulators' 6 h is 22 s of real time) rather than paying for expired ones again.
        start(TestSimulators.fast().withResultRetention(Duration.ofDays(30)));
        Random random = Seeds.announce("stop", StopAndRelaunchIT.class, seed);
        Path csv = Scenes.numbered(work.resolve("project"), "t", SCENES).write("scenes.csv");
        long startedAt = System.nanoTime();

        List<String> stopLog = new ArrayList<>();
        for (int stop = 1; stop <= STOPS; stop++) {
            Moment moment = Moment.runOrStatus(random, remainingScenes(stop), STOPS - stop);
            // SIGTERM does not wait: the process has to read this answer and others to stop cleanly.
            ArmedLaunch launch = ArmedLaunch.at(traffic, moment, StoryStudioProcess::sigterm, () -> jar.run(csv, IN_FLIGHT));

            int exit = launch.process().waitFor(LAUNCH_TIMEOUT);
            int workersMinAtExit = remote.endpoint().workersMin();

            assertThat(launch.trigger().fired()).as("stop %d at %s did not happen: %s", stop, moment, launch.process().describe()).isTrue();
            assertThat(exit).as(launch.process()::describe).isEqualTo(STOPPED);
            assertThat(workersMinAtExit).as("workersMin the moment launch %d had exited", launch.process().number()).isZero();
            assertThat(jar.database().lastJobExecution().status()).isEqualTo("STOPPED");
            stopLog.add("%s (launch %d)".formatted(moment, launch.process().number()));
        }
        traffic.disarm();

        StoryStudioProcess last = jar.run(csv, IN_FLIGHT);
        int exit = last.waitFor(LAUNCH_TIMEOUT);
        Duration wall = Duration.ofNanos(System.nanoTime() - startedAt);

        SimulatorStats stats = remote.stats();
        new Figures("StopAndRelaunchIT: %d scenes, %d SIGTERMs".formatted(SCENES, STOPS))
                .add("seed", seed)
                .add("stops", String.join("; ", stopLog))
                .add("launches", jar.launches())
                .add("final exit code", exit)
                .add("/run calls", stats.runRequests())
                .add("jobs created", stats.jobsCreated())
                .add("/cancel calls", stats.cancelRequests())
                .add("possible duplicates (ledger)", jar.database().possibleDuplicates())
                .add("final workersMin", remote.endpoint().workersMin())
                .add("workersMin history", stats.workersMinHistory())
                .add("wall time", "%.1f s".formatted(wall.toMillis() / 1000.0))
                .print();

        assertThat(exit).as(last::describe).isZero();
        assertThat(jar.database().sceneResults()).hasSize(SCENES).allSatisfy(Scenes::completedWithVideo);
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).as("remote jobs per scene").hasSize(SCENES)
                .allSatisfy((prompt, jobs) -> assertThat(jobs).as(prompt).isOne());
        assertThat(stats.cancelRequests()).as("a plain stop leaves the remote jobs running").isZero();
        assertThat(remote.endpoint().workersMin()).isZero();
        assertThat(jar.database().jobExecutions()).extracting(JobDatabase.JobExecutionRow::status).doesNotContain("STARTING", "STARTED", "STOPPING");
    }

    @Test
    void withCancelOnStopTheJobsInFlightAreCancelledBeforeTheProcessExits() {
        // Half a simulated hour a job (1.8 s here), so that jobs are still running when the stop is handled.
        start(TestSimulators.fast().withMeanServiceTime(Duration.ofMinutes(30)));
        Path csv = Scenes.numbered(work.resolve("project"), "c", 6).write("cancel.csv");
        String[] command = {IN_FLIGHT, "--runpod.execution-timeout=4h", "--cancel-on-stop"};

        ArmedLaunch stopped = ArmedLaunch.of(traffic, 3, ObservedTraffic.route("RUN"), StoryStudioProcess::sigterm,
                () -> jar.run(csv, command));
        int exit = stopped.process().waitFor(LAUNCH_TIMEOUT);

        List<SimulatedJob> jobs = remote.jobs();
        List<SimulatedJob> cancelled = jobs.stream().filter(job -> job.status().equals("CANCELLED")).toList();
        Set<String> cancelledJobs = cancelled.stream().map(SimulatedJob::id).collect(Collectors.toSet());
        Set<String> cancelRequests = traffic.requests().stream().filter(ObservedTraffic.route("CANCEL"))
                .filter(ObservedRequest::succeeded).flatMap(request -> ObservedTraffic.jobIdOf(request).stream())
                .collect(Collectors.toSet());
        new Figures("StopAndRelaunchIT --cancel-on-stop")
                .add("exit code", exit)
                .add("jobs created", jobs.size())
                .add("jobs by status", jobs.stream().collect(Collectors.groupingBy(SimulatedJob::status, Collectors.counting())))
                .add("/cancel calls", remote.stats().cancelRequests())
                .print();

        assertThat(exit).as(stopped.process()::describe).isEqualTo(STOPPED);
        assertThat(jobs).as("no job is left running after the process exited")
                .noneMatch(job -> job.status().equals("IN_QUEUE") || job.status().equals("IN_PROGRESS"));
        assertThat(cancelledJobs).isNotEmpty();
        assertThat(cancelRequests).as("jobs /cancel was called for").containsAll(cancelledJobs);
        assertThat(remote.endpoint().workersMin()).isZero();
        assertThat(jar.database().lastJobExecution().status()).isEqualTo("STOPPED");
        assertThat(stopped.process().output()).as("a stop is said once, without a stack trace").doesNotContain("\tat ", "Caused by");
        assertThat(resultRows("cancel")).as("the results CSV after a SIGTERM: a row per scene, in input order")
                .extracting(row -> row.split(",")[0]).containsExactly("c01", "c02", "c03", "c04", "c05", "c06");

        StoryStudioProcess relaunch = jar.run(csv, command);
        assertThat(relaunch.waitFor(LAUNCH_TIMEOUT)).as(relaunch::describe).isZero();
        assertThat(jar.database().sceneResults()).hasSize(6).allSatisfy(Scenes::completedWithVideo);
        Map<String, Long> cancelledPerPrompt = SimulatedJobs.countByPrompt(cancelled);
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).as("a cancelled scene is submitted once more, the others not")
                .hasSize(6).allSatisfy((prompt, count) -> assertThat(count).as(prompt).isEqualTo(1 + cancelledPerPrompt.getOrDefault(prompt, 0L)));
        assertThat(remote.endpoint().workersMin()).isZero();
    }

    /** The data rows of the results CSV the launches of {@code <name>.csv} wrote. */
    private List<String> resultRows(String name) {
        try {
            List<String> lines = Files.readAllLines(jar.outputDir().resolve(name + "-results.csv"));
            return lines.subList(1, lines.size());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(SimulatorSettings settings) {
        remote = RunPodSimulator.start(settings);
        traffic = ObservedTraffic.of(remote);
        jar = StoryStudioJar.against(remote, work);
    }

    private int remainingScenes(int stop) {
        if (stop == 1) {
            return SCENES;
        }
        return SCENES - Scenes.withJob(jar.database(), "t");
    }
}
