package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.storystudio.batch.simulator.SimulatorStats;
import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.PostgresPerClass;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.StoryStudioProcess;

/**
 * Several processes, one endpoint, one database. Runs of different inputs share the active worker through
 * leases: the first to finish leaves it on for the other, the last one out restores it, a killed run's lease
 * is reclaimed. A second launch of an input that a live process is running touches nothing and exits 7.
 * <p>
 * The interleavings are made, not hoped for: a run is held inside one of its {@code /run} requests (the
 * emulator's observer waits on a latch) until the other process has done what the test needs.
 * <p>
 * On the H2 file and on PostgreSQL, except where the H2 file's serving process is the point.
 */
class OverlappingRunsIT extends JarAgainstEmulator {

    @RegisterExtension
    static final PostgresPerClass postgres = new PostgresPerClass();

    private static final int LONG = 30;
    private static final int SHORT = 5;
    private static final int ALREADY_RUNNING = 7;
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(60);

    private Path longCsv;
    private Path shortCsv;

    @BeforeEach
    void storyboards() {
        longCsv = Scenes.numbered(work.resolve("long"), "long-", LONG).write("long.csv");
        shortCsv = Scenes.numbered(work.resolve("short"), "short-", SHORT).write("short.csv");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void theShortRunFinishesFirstAndLeavesTheWorkerOnUntilTheLongRunIsDone(String vendor) {
        useDatabase(vendor, postgres);
        CountDownLatch shortExited = new CountDownLatch(1);
        ArmedLaunch longRun = ArmedLaunch.of(traffic, 4, ObservedTraffic.runOfScenes("long-"), held -> hold(shortExited),
                () -> jar.run(longCsv));
        awaitFired(longRun);

        StoryStudioProcess shortRun = jar.run(shortCsv);
        int shortExit = shortRun.waitFor(LAUNCH_TIMEOUT);
        boolean longAliveThen = longRun.process().isAlive();
        int workersMinThen = remote.endpoint().workersMin();
        shortExited.countDown();
        int longExit = longRun.process().waitFor(LAUNCH_TIMEOUT);

        SimulatorStats stats = remote.stats();
        new Figures("OverlappingRunsIT: %d and %d scenes at once".formatted(LONG, SHORT))
                .add("short run exit code", shortExit)
                .add("long run alive then", longAliveThen)
                .add("workersMin then", workersMinThen)
                .add("long run exit code", longExit)
                .add("workersMin history", stats.workersMinHistory())
                .add("GraphQL calls", stats.graphqlRequests())
                .print();

        assertThat(shortExit).as(shortRun::describe).isZero();
        assertThat(longAliveThen).as("the long run was still running when the short one exited").isTrue();
        assertThat(workersMinThen).as("workersMin when the short run had exited, the long one still running").isEqualTo(1);
        assertThat(longExit).as(longRun.process()::describe).isZero();
        assertThat(remote.endpoint().workersMin()).isZero();
        assertThat(stats.workersMinHistory()).as("never back to 0 while a run was on").containsExactly(0, 1, 0);
        assertThat(jar.database().sceneResults()).hasSize(LONG + SHORT).allSatisfy(Scenes::completedWithVideo);
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).hasSize(LONG + SHORT).allSatisfy((prompt, jobs) -> assertThat(jobs).isOne());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aSecondLaunchOfTheSameInputWhileTheFirstIsAliveExitsSevenAndCallsNothing(String vendor) {
        useDatabase(vendor, postgres);
        CountDownLatch secondExited = new CountDownLatch(1);
        ArmedLaunch first = ArmedLaunch.of(traffic, 2, ObservedTraffic.runOfScenes("short-"), held -> hold(secondExited),
                () -> jar.run(shortCsv));
        awaitFired(first);
        SimulatorStats before = remote.stats();

        StoryStudioProcess second = jar.run(shortCsv);
        int secondExit = second.waitFor(LAUNCH_TIMEOUT);
        SimulatorStats after = remote.stats();
        boolean firstAliveThen = first.process().isAlive();
        secondExited.countDown();
        int firstExit = first.process().waitFor(LAUNCH_TIMEOUT);

        new Figures("OverlappingRunsIT: the same input twice at once")
                .add("second launch exit code", secondExit)
                .add("its /run calls", after.runRequests() - before.runRequests())
                .add("its GraphQL calls", after.graphqlRequests() - before.graphqlRequests())
                .add("first launch exit code", firstExit)
                .print();

        assertThat(secondExit).as(second::describe).isEqualTo(ALREADY_RUNNING);
        assertThat(firstAliveThen).isTrue();
        assertThat(after.runRequests()).as("/run calls while the first run was held").isEqualTo(before.runRequests());
        assertThat(after.graphqlRequests()).as("GraphQL calls while the first run was held").isEqualTo(before.graphqlRequests());
        assertThat(after.managementRequests()).isEqualTo(before.managementRequests());
        assertThat(after.cancelRequests()).isEqualTo(before.cancelRequests());
        assertThat(firstExit).as(first.process()::describe).isZero();
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).hasSize(SHORT).allSatisfy((prompt, jobs) -> assertThat(jobs).isOne());
        assertThat(remote.endpoint().workersMin()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void theRunThatOutlivesAKilledOneReclaimsItsLeaseAndRestoresTheWorker(String vendor) {
        useDatabase(vendor, postgres);
        // The short run starts first and so serves the H2 file (AUTO_SERVER) to the long one: killing the
        // long run then breaks no connection of the survivor, as it would not with a database server.
        CountDownLatch longKilled = new CountDownLatch(1);
        ArmedLaunch shortRun = ArmedLaunch.of(traffic, 1, ObservedTraffic.runOfScenes("short-"), held -> hold(longKilled),
                () -> jar.run(shortCsv));
        awaitFired(shortRun);

        ArmedLaunch longRun = ArmedLaunch.of(traffic, 5, ObservedTraffic.runOfScenes("long-"), StoryStudioProcess::sigkill,
                () -> jar.run(longCsv));
        int longExit = longRun.process().waitFor(LAUNCH_TIMEOUT);
        longKilled.countDown();
        assertThat(longRun.trigger().fired()).as(longRun.process()::describe).isTrue();
        assertThat(longExit).isEqualTo(137);

        int shortExit = shortRun.process().waitFor(LAUNCH_TIMEOUT);
        int workersMinAfterShort = remote.endpoint().workersMin();

        StoryStudioProcess restore = jar.restoreWorker();
        int restoreExit = restore.waitFor(LAUNCH_TIMEOUT);
        int workersMinAfterRestore = remote.endpoint().workersMin();

        StoryStudioProcess relaunch = jar.run(longCsv);
        int relaunchExit = relaunch.waitFor(LAUNCH_TIMEOUT);

        SimulatorStats stats = remote.stats();
        new Figures("OverlappingRunsIT: one of two runs killed")
                .add("short run exit code", shortExit)
                .add("workersMin after it", workersMinAfterShort)
                .add("--restore-worker exit code", restoreExit)
                .add("workersMin after it", workersMinAfterRestore)
                .add("long relaunch exit code", relaunchExit)
                .add("workersMin history", stats.workersMinHistory())
                .add("jobs created", stats.jobsCreated())
                .print();

        assertThat(shortExit).as(shortRun.process()::describe).isZero();
        assertThat(workersMinAfterShort).as("the short run was the last live lease holder: it restores").isZero();
        assertThat(restoreExit).as(restore::describe).isZero();
        assertThat(workersMinAfterRestore).isZero();
        assertThat(relaunchExit).as(relaunch::describe).isZero();
        assertThat(remote.endpoint().workersMin()).isZero();
        JobDatabase database = jar.database();
        assertThat(database.sceneResults()).hasSize(LONG + SHORT).allSatisfy(Scenes::completedWithVideo);
        String killedAtScene = longRun.trigger().firedAt().flatMap(ObservedTraffic::sceneOf).orElseThrow();
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).hasSize(LONG + SHORT).allSatisfy((prompt, jobs) ->
                assertThat(jobs).as(prompt).isEqualTo(prompt.equals(Scenes.prompt(killedAtScene)) ? 2 : 1));
        assertThat(database.jobExecutions()).extracting(JobDatabase.JobExecutionRow::status).doesNotContain("STARTING", "STARTED", "STOPPING");
    }

    @Test
    void theRunThatServesTheH2FileMayFinishWhileTheOtherGoesOn() {
        // The short run opens the file first and so serves it (AUTO_SERVER) to the long one. It exits while
        // the long run is inside a /run: the long run's connections go with it, and it must carry on.
        CountDownLatch longAtThirdRun = new CountDownLatch(1);
        ArmedLaunch shortRun = ArmedLaunch.of(traffic, 1, ObservedTraffic.runOfScenes("short-"), held -> hold(longAtThirdRun),
                () -> jar.run(shortCsv));
        awaitFired(shortRun);

        ArmedLaunch longRun = ArmedLaunch.of(traffic, 3, ObservedTraffic.runOfScenes("long-"), held -> {
            longAtThirdRun.countDown();
            shortRun.process().waitFor(LAUNCH_TIMEOUT);
        }, () -> jar.run(longCsv));
        int longExit = longRun.process().waitFor(LAUNCH_TIMEOUT);
        int shortExit = shortRun.process().waitFor(LAUNCH_TIMEOUT);

        SimulatorStats stats = remote.stats();
        new Figures("OverlappingRunsIT: the run serving the H2 file exits first")
                .add("short run exit code", shortExit)
                .add("long run exit code", longExit)
                .add("workersMin history", stats.workersMinHistory())
                .add("jobs created", stats.jobsCreated())
                .print();

        assertThat(longRun.trigger().fired()).as(longRun.process()::describe).isTrue();
        assertThat(shortExit).as(shortRun.process()::describe).isZero();
        assertThat(longExit).as(longRun.process()::describe).isZero();
        assertThat(remote.endpoint().workersMin()).isZero();
        assertThat(stats.workersMinHistory()).containsExactly(0, 1, 0);
        assertThat(jar.database().sceneResults()).hasSize(LONG + SHORT).allSatisfy(Scenes::completedWithVideo);
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).hasSize(LONG + SHORT).allSatisfy((prompt, jobs) -> assertThat(jobs).isOne());
    }

    /** Holds the request being answered (and with it the process that sent it) until {@code latch} opens. */
    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(HOLD_AT_MOST.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.println("[overlap] a held request was let go after " + HOLD_AT_MOST + " without its signal");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitFired(ArmedLaunch launch) {
        await().atMost(LAUNCH_TIMEOUT).until(() -> launch.trigger().fired() || !launch.process().isAlive());
        assertThat(launch.trigger().fired()).as(launch.process()::describe).isTrue();
    }
}
