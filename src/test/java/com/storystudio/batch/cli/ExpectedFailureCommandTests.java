package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.StoryStudioApplication;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.RemoteCommand;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * Failures a run expects end with their message, once, and no stack trace on either stream, even when they happen
 * inside the job's steps, where Spring Batch logs every failure with its trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExpectedFailureCommandTests {

    @TempDir
    Path work;

    private RunPodSimulator remote;

    @BeforeEach
    void start() {
        remote = RunPodSimulator.start(TestSimulators.fast());
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    @Test
    void anInputFoundInvalidByTheJobItselfIsReportedWithoutATrace(CapturedOutput output) {
        Path csv = Storyboard.in(work).remoteScene("good")
                .row("bad-steps,https://media.example/a.png,https://media.example/a.mp3,prompt,480p,12")
                .write("invalid.csv");

        // Started as a test or a scheduler embedding the application would, past the early check of main.
        String[] arguments = arguments("--input=" + csv);
        assertThat(SpringApplication.exit(StoryStudioApplication.application(arguments).run(arguments))).isEqualTo(2);

        assertThat(output.getErr()).contains("line 3, column 6 (sample_steps)");
        assertThat(output.getOut()).contains("input rejected: 1 problem(s), nothing was submitted");
        assertNoTrace(output);
        assertThat(remote.stats().runRequests()).isZero();
    }

    @Test
    void aRunStoppedBecauseEveryAttemptFailsSaysWhyOnceWithoutATrace(CapturedOutput output) {
        Path csv = Storyboard.in(work).localScene("a").localScene("b").localScene("c").localScene("d").write("doomed.csv");
        remote.faults().setTransientJobFailureRate(1.0);

        assertThat(StoryStudioApplication.launch(arguments("--input=" + csv, "--storystudio.stop-after-failures=2"))).isEqualTo(4);

        assertThat(output.getErr()).containsOnlyOnce("Stopped submitting scenes: the first");
        assertNoTrace(output);
    }

    private static void assertNoTrace(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("\tat ", "Exception:", "Caused by");
    }

    private String[] arguments(String... specific) {
        return RemoteCommand.against(remote, work).arguments(specific);
    }
}
