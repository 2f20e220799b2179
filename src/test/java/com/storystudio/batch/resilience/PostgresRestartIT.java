package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.storystudio.batch.simulator.SimulatorStats;
import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.PostgresPerClass;
import com.storystudio.batch.testing.PostgresServer;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.StoryStudioProcess;

/**
 * PostgreSQL stops in the middle of a run (an administrator's restart, a failover) and comes back on the same
 * address seconds later: the run waits it out, or, if the pool gave up waiting, ends with exit 4 and the same
 * command finishes it; either way no scene is lost and none is paid for twice beyond what the ledger reports
 * as a possible duplicate.
 */
class PostgresRestartIT extends JarAgainstEmulator {

    private static final int SCENES = 20;
    /** How long PostgreSQL stays down: a restart that takes a while, well within the pool's default 30 s wait. */
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(120);
    private static final int RELAUNCHES = 2;
    private static final String IN_FLIGHT = "--max-in-flight=3";

    @RegisterExtension
    static final PostgresPerClass postgres = new PostgresPerClass();

    /** Within the pool's connection timeout: the threads that need the database wait for it, and the run goes on. */
    @Test
    void aRestartWithinThePoolsConnectionTimeoutIsWaitedOutAndTheRunFinishes() {
        Outcome outcome = restartMidRun("within the pool's 30 s connection timeout");

        assertThat(outcome.first().exitCode()).as(outcome.first()::describe).isZero();
        assertThat(outcome.first().output()).as("what the run said").doesNotContain("\tat ", "Caused by");
        assertThat(jar.launches()).isOne();
        assertThat(remote.stats().runRequests()).as("/run calls").isEqualTo(SCENES);
    }

    /**
     * Longer than the pool waits for a connection (2 s here, for the test's time; 30 s by default): the run
     * fails with exit 4, and the same command then finishes it.
     */
    @Test
    void aRestartLongerThanThePoolWaitsFailsTheRunAndTheSameCommandFinishesIt() {
        Outcome outcome = restartMidRun("longer than a 2 s connection timeout", "--spring.datasource.hikari.connection-timeout=2000");

        assertThat(outcome.first().exitCode()).as(outcome.first()::describe).isEqualTo(4);
        assertThat(outcome.last().exitCode()).as(outcome.last()::describe).isZero();
    }

    /** What a restart left: the launch it hit, and the last launch of the same command after it. */
    private record Outcome(StoryStudioProcess first, StoryStudioProcess last) {
    }

    /**
     * Runs {@link #SCENES} scenes, stops PostgreSQL while the run waits for the answer to its sixth {@code /run}
     * (the ledger has that job as SUBMITTING; its answer comes back while the database is away), starts it
     * again {@link #OUTAGE} later on the same port, relaunches the same command until it exits 0 (at most
     * {@link #RELAUNCHES} times), and checks what any restart must leave: every scene with its video, one job
     * per scene unless the ledger reports a possible duplicate, the worker restored, no execution left running.
     */
    private Outcome restartMidRun(String what, String... extra) {
        PostgresServer server = postgres.server();
        useDatabase(server.newJobDatabase());
        Path csv = Scenes.numbered(work.resolve("project"), "p", SCENES).write("restart.csv");
        String[] arguments = Stream.concat(Stream.of(IN_FLIGHT), Arrays.stream(extra)).toArray(String[]::new);
        CountDownLatch down = new CountDownLatch(1);

        ArmedLaunch launch = ArmedLaunch.of(traffic, 6, ObservedTraffic.route("RUN"), process -> {
            server.stop();
            down.countDown();
        }, () -> jar.run(csv, arguments));
        await().atMost(LAUNCH_TIMEOUT).until(() -> down.getCount() == 0 || !launch.process().isAlive());
        assertThat(launch.trigger().fired()).as(launch.process()::describe).isTrue();
        long stoppedAt = System.nanoTime();
        boolean endedWhileDown = launch.process().endsWithin(OUTAGE);
        server.start();
        long downMs = (System.nanoTime() - stoppedAt) / 1_000_000;
        traffic.disarm();
        int firstExit = launch.process().waitFor(LAUNCH_TIMEOUT);

        StoryStudioProcess last = launch.process();
        for (int relaunch = 1; relaunch <= RELAUNCHES && last.exitCode() != 0; relaunch++) {
            last = jar.run(csv, arguments);
            last.waitFor(LAUNCH_TIMEOUT);
        }

        JobDatabase database = jar.database();
        SimulatorStats stats = remote.stats();
        long extraJobs = remote.jobs().size() - SCENES;
        long possibleDuplicates = database.possibleDuplicates();
        new Figures("PostgresRestartIT: %d scenes, PostgreSQL down %d ms at the 6th /run, %s".formatted(SCENES, downMs, what))
                .add("first launch ended while PostgreSQL was down", endedWhileDown)
                .add("first launch exit code", firstExit)
                .add("first launch's pool warnings", launch.process().output().lines().filter(line -> line.contains("HikariPool")).count())
                .add("launches", jar.launches())
                .add("final exit code", last.exitCode())
                .add("/run calls", stats.runRequests())
                .add("jobs created", stats.jobsCreated())
                .add("possible duplicates (ledger)", possibleDuplicates)
                .add("executions", database.jobExecutions())
                .print();

        assertThat(last.exitCode()).as(last::describe).isZero();
        assertThat(database.sceneResults()).hasSize(SCENES).allSatisfy(Scenes::completedWithVideo);
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).hasSize(SCENES);
        assertThat(possibleDuplicates).as("possible duplicates the ledger reports vs. extra jobs created").isGreaterThanOrEqualTo(extraJobs);
        assertThat(remote.endpoint().workersMin()).isZero();
        assertThat(database.jobExecutions()).extracting(JobDatabase.JobExecutionRow::status).doesNotContain("STARTING", "STARTED", "STOPPING");
        return new Outcome(launch.process(), last);
    }
}
