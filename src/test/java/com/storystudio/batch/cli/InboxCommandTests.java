package com.storystudio.batch.cli;

import static com.storystudio.batch.testing.ObservedTraffic.runOfScenes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.RemoteCommand;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * {@code --inbox=DIR} as a scheduler runs it every night: every CSV of the folder in name order, each as its own
 * input, one summary line per file and the worst file's exit code; against the emulator, in this JVM.
 */
@ExtendWith(OutputCaptureExtension.class)
class InboxCommandTests {

    @TempDir
    Path work;

    private RunPodSimulator remote;
    private ObservedTraffic traffic;

    @BeforeEach
    void startRemoteEndpoint() {
        remote = RunPodSimulator.start(TestSimulators.fast());
        traffic = ObservedTraffic.of(remote);
    }

    @AfterEach
    void stopRemoteEndpoint() {
        remote.close();
    }

    @Test
    void aNightRunsTheNewFileReportsTheInvalidOneSkipsTheDoneOneAndExitsWithTheWorstCode(CapturedOutput output) throws IOException {
        Path inbox = work.resolve("inbox");
        Path done = Storyboard.in(inbox).localScene("done-1").localScene("done-2").write("a-monday.csv");
        Storyboard.in(inbox).localScene("new-1").localScene("new-2").localScene("new-3").write("b-tuesday.csv");
        // Line 3 has sample_steps 99: refused before anything is recorded, with its line and column.
        Storyboard.in(inbox).localScene("bad-1").row("bad-2,media/bad-1.png,media/bad-1.wav,Scene bad-2 speaking,480p,99")
                .write("c-broken.csv");
        Files.writeString(inbox.resolve("notes.txt"), "not a storyboard");
        assertThat(command().run("--input=" + done)).isZero();
        long mondayRuns = traffic.count(runOfScenes("done-"));
        assertThat(mondayRuns).isEqualTo(2);

        int exit = command().run("--inbox=" + inbox);

        assertThat(exit).isEqualTo(2);
        assertThat(traffic.count(runOfScenes("done-"))).as("the done file is skipped: no /run for it").isEqualTo(mondayRuns);
        assertThat(traffic.count(runOfScenes("new-"))).isEqualTo(3);
        assertThat(traffic.count(runOfScenes("bad-"))).isZero();
        String out = output.getOut();
        assertThat(out.indexOf("inbox: a-monday.csv (1 of 3)")).isPositive()
                .isLessThan(out.indexOf("inbox: b-tuesday.csv (2 of 3)"));
        assertThat(out.indexOf("inbox: b-tuesday.csv (2 of 3)")).isLessThan(out.indexOf("inbox: c-broken.csv (3 of 3)"));
        assertThat(out).contains("StoryStudio: 3 file(s) in the inbox " + inbox)
                .containsPattern("a-monday\\.csv +already done +exit 0 +2 total, 2 with video, 0 failed")
                .containsPattern("b-tuesday\\.csv +completed +exit 0 +3 total, 3 with video, 0 failed")
                .containsPattern("c-broken\\.csv +input rejected +exit 2\\n")
                .contains("exit code    2: invalid usage or input").doesNotContain("notes.txt");
        assertThat(output.getErr()).contains("c-broken.csv line 3, column 6 (sample_steps)").doesNotContain("\tat ");
        assertThat(remote.endpoint().workersMin()).isZero();
    }

    @Test
    void aFailedFileContinuesTheNextNightAndTheNightExitsWithItsCode(CapturedOutput output) {
        Path inbox = work.resolve("inbox");
        Storyboard.in(inbox).localScene("fine-1").sceneWithUndecodableImage("broken-1").write("one.csv");
        Storyboard.in(inbox).localScene("other-1").write("two.csv");

        assertThat(command().run("--inbox=" + inbox)).as("failed scenes outrank a clean file").isEqualTo(3);
        assertThat(output.getOut()).containsPattern("one\\.csv +scenes failed +exit 3 +2 total, 1 with video, 1 failed")
                .containsPattern("two\\.csv +completed +exit 0 +1 total, 1 with video, 0 failed")
                .contains("exit code    3: the run finished but some scenes FAILED");
    }

    @Test
    void aMissingOrEmptyInboxOrOneGivenWithInputIsAUsageErrorBeforeAnythingStarts(CapturedOutput output) throws IOException {
        Path empty = Files.createDirectories(work.resolve("empty"));
        Files.writeString(empty.resolve(".partial.csv"), "scene_id,image,audio\n");

        assertThat(command().run("--inbox=" + work.resolve("nowhere"))).isEqualTo(2);
        assertThat(command().run("--inbox=" + empty)).isEqualTo(2);
        assertThat(command().run("--inbox=" + empty, "--input=" + empty.resolve("x.csv"))).isEqualTo(2);

        assertThat(output.getErr()).contains("storystudio: the inbox " + work.resolve("nowhere") + " does not exist",
                "storystudio: the inbox " + empty + " holds no *.csv file: nothing to run",
                "storystudio: --input is not an option of --inbox: leave it out").doesNotContain("\tat ");
        assertThat(traffic.requests()).as("nothing reached RunPod").isEmpty();
    }

    private RemoteCommand command() {
        return RemoteCommand.against(remote, work);
    }
}
