package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.simulator.ObservedRequest;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulationClock;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;
import com.storystudio.batch.testing.RemoteCommand;

/**
 * How a run ends, and what its relaunch does, as a user sees it: the command against an emulator outside the
 * application whose clock the test can move on by hours ("the night"), as RunPod's time passes while nobody runs.
 */
@ExtendWith(OutputCaptureExtension.class)
class RelaunchCommandTests {

    @TempDir
    Path work;

    private final LeapingClock clock = new LeapingClock(1000);
    private RunPodSimulator remote;

    @BeforeEach
    void startRemoteEndpoint() {
        // RunPod's own retention: a finished job's result is kept 30 minutes.
        remote = RunPodSimulator.start(TestSimulators.fast().withTimeScale(1000).withResultRetention(Duration.ofMinutes(30)), clock);
    }

    @AfterEach
    void stopRemoteEndpoint() {
        remote.close();
    }

    @Test
    void jobsRunPodForgotWhileNobodyWatchedAreSubmittedOnceMoreByOneRelaunchThatExitsZero(CapturedOutput output) {
        Storyboard storyboard = Storyboard.in(work);
        for (int i = 1; i <= 6; i++) {
            storyboard.localScene("night-" + i);
        }
        Path csv = storyboard.write("night.csv");
        ObservedTraffic traffic = ObservedTraffic.of(remote);
        // RunPod becomes unreachable the moment it has accepted the sixth job: the launch fails with all six in flight.
        traffic.onNth(6, request -> request.route().equals("RUN") && request.succeeded(), request -> remote.faults().setUnavailable(true));
        assertThat(runAgainstRemote("--input=" + csv, "--max-in-flight=6", "--storystudio.restore-retry-delay=10ms")).isIn(4, 5);
        assertThat(remote.jobs()).hasSize(6);
        remote.faults().setUnavailable(false);

        // The night: every job runs to its end unseen, and its result expires.
        clock.leap(Duration.ofHours(8));
        assertThat(remote.jobs()).allSatisfy(job -> assertThat(job.status()).isEqualTo("COMPLETED"));

        assertThat(runAgainstRemote("--input=" + csv, "--max-in-flight=6")).isZero();

        assertThat(SimulatedJobs.countByPrompt(remote.jobs()).values()).hasSize(6).containsOnly(2L);
        assertThat(output.getOut()).contains("run COMPLETED", "6 total, 6 with video, 0 failed",
                "6 expired before their result was collected (may have been paid for)").doesNotContain("possibly duplicated");
    }

    @Test
    void aRunWhoseEverySceneFinishedExitsThreeEvenWhenItsLastFailureTripsTheFailureBreaker(CapturedOutput output) {
        Path csv = Storyboard.in(work).localScene("fine").sceneWithUndecodableImage("broken-1").sceneWithUndecodableImage("broken-2")
                .write("ends.csv");

        // Judged once three scenes finished: two of three FAILED is more than half, but nothing is left to stop.
        assertThat(runAgainstRemote("--input=" + csv, "--storystudio.stop-after-failures=3")).isEqualTo(3);

        assertThat(output.getOut()).contains("3 total, 1 with video, 2 failed, 0 not finished", "exit code    3");
        assertThat(remote.endpoint().workersMin()).isZero();
    }

    @Test
    void aStoryboardWhoseEverySceneReusesAnEarlierVideoLeavesTheEndpointsScalingAlone(CapturedOutput output) {
        Path monday = Storyboard.in(work.resolve("monday")).localScene("hello").localScene("bye").write("monday.csv");
        Path tuesday = Storyboard.in(work.resolve("tuesday")).localScene("hello").localScene("bye").write("tuesday.csv");
        ObservedTraffic traffic = ObservedTraffic.of(remote);
        assertThat(runAgainstRemote("--input=" + monday)).isZero();
        long mondayMutations = traffic.count(RelaunchCommandTests::mutation);
        assertThat(mondayMutations).as("monday's run scales the endpoint up and back").isPositive();

        assertThat(runAgainstRemote("--input=" + tuesday)).isZero();

        assertThat(output.getOut()).contains("2 total, 2 with video (2 reused from earlier runs)");
        assertThat(traffic.count(RelaunchCommandTests::mutation)).isEqualTo(mondayMutations);
        assertThat(remote.stats().workersMinHistory()).containsExactly(0, 1, 0);
    }

    private static boolean mutation(ObservedRequest request) {
        return (request.route().equals("GRAPHQL") && request.body().contains("mutation")) || request.route().equals("MANAGEMENT")
                && request.method().equals("PATCH");
    }

    private int runAgainstRemote(String... arguments) {
        return RemoteCommand.against(remote, work).run(arguments);
    }

    /** Real time scaled, plus whatever the test leaps over: the emulator's hours pass in no real time. */
    private static final class LeapingClock implements SimulationClock {

        private final long scale;
        private final long startNanos = System.nanoTime();
        private final AtomicLong leapt = new AtomicLong();

        LeapingClock(long scale) {
            this.scale = scale;
        }

        void leap(Duration duration) {
            leapt.addAndGet(duration.toNanos());
        }

        @Override
        public long elapsedNanos() {
            return (System.nanoTime() - startNanos) * scale + leapt.get();
        }
    }
}
