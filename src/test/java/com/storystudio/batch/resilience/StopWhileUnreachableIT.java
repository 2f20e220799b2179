package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.StoryStudioProcess;

/**
 * SIGTERM while RunPod cannot be reached: the process ends within {@code storystudio.stop-timeout} (plus the
 * JVM's own exit), whatever retries the restore has left, and says honestly whether the endpoint was left
 * changed: exit 5 only when the run's own change is still on it, and then the next launch puts it back.
 * Without the bound the restore's attempts (here 40, with doubling waits) would run for hours.
 */
class StopWhileUnreachableIT extends JarAgainstEmulator {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    /** JVM start-up is not in it (the clock starts at the signal); the JVM's exit and a loaded 2-core machine are. */
    private static final Duration EXIT_MARGIN = Duration.ofSeconds(5);
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);
    private static final int WORKER_NOT_RESTORED = 5;
    private static final int STOPPED = 6;
    private static final String[] OPTIONS = {"--max-in-flight=3", "--storystudio.stop-timeout=" + STOP_TIMEOUT.toSeconds() + "s",
            "--storystudio.restore-attempts=40"};

    @Test
    void aStopAfterTheWorkerWasEnabledEndsInTimeWithExitFiveAndTheNextLaunchRestoresIt() {
        Path csv = Scenes.numbered(work.resolve("project"), "u", 6).write("scenes.csv");
        AtomicLong signalledAt = new AtomicLong();
        // RunPod goes away after the second /run, and the operator stops the run.
        ArmedLaunch launch = ArmedLaunch.of(traffic, 2, ObservedTraffic.route("RUN"), process -> {
            remote.faults().setUnavailable(true);
            signalledAt.set(System.nanoTime());
            process.sigterm();
        }, () -> jar.run(csv, OPTIONS));

        int exit = launch.process().waitFor(LAUNCH_TIMEOUT);
        Duration stopTook = Duration.ofNanos(System.nanoTime() - signalledAt.get());

        assertThat(launch.trigger().fired()).as(launch.process()::describe).isTrue();
        assertThat(stopTook).as("from SIGTERM to exit: %s", launch.process().describe()).isLessThan(STOP_TIMEOUT.plus(EXIT_MARGIN));
        assertThat(exit).as(launch.process()::describe).isEqualTo(WORKER_NOT_RESTORED);
        assertThat(remote.endpoint().workersMin()).as("the run's change is left, as reported").isEqualTo(1);
        assertThat(launch.process().output()).contains("NOT RESTORED");
        assertThat(baselineRows()).isOne();

        remote.faults().setUnavailable(false);
        StoryStudioProcess relaunch = jar.run(csv, OPTIONS);
        assertThat(relaunch.waitFor(LAUNCH_TIMEOUT)).as(relaunch::describe).isZero();
        assertThat(remote.endpoint().workersMin()).isZero();
        assertThat(baselineRows()).isZero();
        assertThat(jar.database().sceneResults()).hasSize(6).allSatisfy(Scenes::completedWithVideo);
    }

    @Test
    void aStopWhileRunPodWasNeverReachedEndsInTimeWithExitSixAndNoFalseAlarm() {
        Path csv = Scenes.numbered(work.resolve("project"), "n", 3).write("scenes.csv");
        int changesBefore = remote.stats().workersMinHistory().size();
        remote.faults().setUnavailable(true);
        AtomicLong signalledAt = new AtomicLong();
        // The preflight's /health is the first call: the stop comes while it retries against an unavailable RunPod.
        ArmedLaunch launch = ArmedLaunch.of(traffic, 1, ObservedTraffic.route("HEALTH"), process -> {
            signalledAt.set(System.nanoTime());
            process.sigterm();
        }, () -> jar.run(csv, OPTIONS));

        int exit = launch.process().waitFor(LAUNCH_TIMEOUT);
        Duration stopTook = Duration.ofNanos(System.nanoTime() - signalledAt.get());

        assertThat(launch.trigger().fired()).as(launch.process()::describe).isTrue();
        assertThat(stopTook).as("from SIGTERM to exit: %s", launch.process().describe()).isLessThan(STOP_TIMEOUT.plus(EXIT_MARGIN));
        assertThat(exit).as(launch.process()::describe).isEqualTo(STOPPED);
        assertThat(launch.process().output()).doesNotContain("NOT RESTORED");
        assertThat(remote.stats().workersMinHistory()).as("nothing was changed").hasSize(changesBefore);
        assertThat(baselineRows()).isZero();
    }

    @Test
    void theOperatorsRestoreGivesUpWithinTheStopTimeoutAgainstAnUnreachableRunPod() {
        Path csv = Scenes.numbered(work.resolve("project"), "r", 2).write("scenes.csv");
        ArmedLaunch launch = ArmedLaunch.of(traffic, 1, ObservedTraffic.route("RUN"), process -> process.sigkill(),
                () -> jar.run(csv, OPTIONS));
        launch.process().waitFor(LAUNCH_TIMEOUT);
        assertThat(baselineRows()).as("a killed run leaves its baseline").isOne();
        remote.faults().setUnavailable(true);

        // The command's bound starts just before its first call to RunPod; the JVM's start is not in it.
        AtomicLong firstCallAt = new AtomicLong();
        ArmedLaunch restore = ArmedLaunch.of(traffic, 1, ObservedTraffic.route("GRAPHQL"), process -> firstCallAt.set(System.nanoTime()),
                () -> jar.restoreWorker("--storystudio.stop-timeout=" + STOP_TIMEOUT.toSeconds() + "s", "--storystudio.restore-attempts=40"));
        int exit = restore.process().waitFor(LAUNCH_TIMEOUT);
        Duration took = Duration.ofNanos(System.nanoTime() - firstCallAt.get());

        assertThat(restore.trigger().fired()).as(restore.process()::describe).isTrue();
        assertThat(took).as(restore.process()::describe).isLessThan(STOP_TIMEOUT.plus(EXIT_MARGIN));
        assertThat(restore.process().output()).contains("The stop timeout left time for");
        assertThat(exit).as(restore.process()::describe).isEqualTo(WORKER_NOT_RESTORED);
        assertThat(baselineRows()).isOne();

        remote.faults().setUnavailable(false);
        StoryStudioProcess again = jar.restoreWorker();
        assertThat(again.waitFor(LAUNCH_TIMEOUT)).as(again::describe).isZero();
        assertThat(remote.endpoint().workersMin()).isZero();
    }

    private long baselineRows() {
        return jar.database().query("SELECT COUNT(*) FROM worker_baseline", rs -> rs.getLong(1)).get(0);
    }
}
