package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.StoryStudioProcess;

/**
 * The harness itself, on what any version of the application must do: a plain launch of the jar ends 0 with
 * every scene recorded, and a launch killed with SIGKILL in the middle of a run leaves its execution STARTED
 * and the endpoint's worker on: the state every recovery starts from.
 */
class JarHarnessIT extends JarAgainstEmulator {

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aPlainLaunchCompletesEverySceneAndExitsZero() {
        Path csv = Storyboard.in(work.resolve("project")).localScene("a").localScene("b").localScene("c").write("plain.csv");

        StoryStudioProcess launch = jar.run(csv);

        assertThat(launch.waitFor(LAUNCH_TIMEOUT)).as(launch::describe).isZero();
        JobDatabase database = jar.database();
        assertThat(database.sceneResults()).extracting(JobDatabase.SceneResultRow::status).containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
        assertThat(database.lastJobExecution().status()).isEqualTo("COMPLETED");
        assertThat(SimulatedJobs.countByPrompt(remote.jobs()).values()).containsExactly(1L, 1L, 1L);
        assertThat(remote.stats().workersMinHistory()).containsExactly(0, 1, 0);
        assertThat(launch.output()).contains("3 total, 3 with video, 0 failed").doesNotContain(remote.apiKey());
        assertThat(launch.log()).startsWith(work);
    }

    @Test
    void aLaunchKilledWhilePollingLeavesItsExecutionStartedAndItsWorkerOn() {
        Path csv = Storyboard.in(work.resolve("project")).localScene("k1").localScene("k2").localScene("k3").write("killed.csv");
        // One scene in flight, so that the kill comes while scenes are still to be submitted: once all
        // are, the run's tail hands the endpoint back its own workersMin before the end.
        StoryStudioProcess launch = jar.run(csv, "--max-in-flight=1");
        ObservedTraffic.Trigger kill = traffic.onNth(2, ObservedTraffic.route("STATUS"), request -> launch.sigkill());

        assertThat(launch.waitFor(LAUNCH_TIMEOUT)).as(launch::describe).isEqualTo(137);

        assertThat(kill.fired()).isTrue();
        JobDatabase database = jar.database();
        // STARTING if the kill came within H2's write delay (500 ms) of the STARTED update: unended, either way.
        assertThat(database.lastJobExecution().status()).isIn("STARTING", "STARTED");
        assertThat(remote.jobs()).isNotEmpty();
        assertThat(database.sceneResults()).isEmpty();
        assertThat(remote.endpoint().workersMin()).as("nobody restored the worker of a killed run").isEqualTo(1);
    }
}
