package com.storystudio.batch.schedule;

import static com.storystudio.batch.testing.ObservedTraffic.runOfScenes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.StoryStudioJar;
import com.storystudio.batch.testing.StoryStudioProcess;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * SIGTERM during one file of the inbox (a scheduler's stop) ends the night after that file with exit 6, the next
 * file not started; the next night continues the stopped file, runs the other, and pays for no scene twice.
 */
class InboxStopIT {

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path work;

    @Test
    void aStopDuringTheFirstFileEndsTheNightWithSixAndTheNextNightFinishesBoth() {
        try (RunPodSimulator remote = RunPodSimulator.start(TestSimulators.fast());
             StoryStudioJar jar = StoryStudioJar.against(remote, work)) {
            Path inbox = work.resolve("inbox");
            Storyboard first = Storyboard.in(inbox);
            for (int i = 1; i <= 6; i++) {
                first.localScene("first-" + i);
            }
            first.write("1-first.csv");
            Storyboard.in(inbox).localScene("second-1").localScene("second-2").write("2-second.csv");
            List<String> night = List.of("--inbox=" + inbox.toAbsolutePath(), "--output-dir=" + jar.outputDir(), "--max-in-flight=2");
            ObservedTraffic traffic = ObservedTraffic.of(remote);
            CompletableFuture<StoryStudioProcess> launched = new CompletableFuture<>();
            ObservedTraffic.Trigger stop = traffic.onNth(2, runOfScenes("first-"), request -> launched.join().sigterm());

            StoryStudioProcess stopped = jar.start(night);
            launched.complete(stopped);

            assertThat(stopped.waitFor(LAUNCH_TIMEOUT)).as(stopped::describe).isEqualTo(6);
            assertThat(stop.fired()).isTrue();
            assertThat(traffic.count(runOfScenes("second-"))).as("the next file is not started").isZero();
            assertThat(stopped.output()).containsPattern("1-first\\.csv +stopped +exit 6 +6 total")
                    .containsPattern("2-second\\.csv +stopped +not run").contains("exit code    6: stopped by SIGTERM");
            assertThat(remote.endpoint().workersMin()).as("the worker put back before the process ended").isZero();
            traffic.disarm();

            StoryStudioProcess next = jar.start(night);

            assertThat(next.waitFor(LAUNCH_TIMEOUT)).as(next::describe).isZero();
            assertThat(next.output()).containsPattern("1-first\\.csv +completed +exit 0 +6 total, 6 with video, 0 failed")
                    .containsPattern("2-second\\.csv +completed +exit 0 +2 total, 2 with video, 0 failed");
            assertThat(SimulatedJobs.countByPrompt(remote.jobs())).as("remote jobs per scene").hasSize(8)
                    .allSatisfy((prompt, jobs) -> assertThat(jobs).as(prompt).isEqualTo(1L));
        }
    }
}
