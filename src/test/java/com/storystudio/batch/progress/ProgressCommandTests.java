package com.storystudio.batch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.RemoteCommand;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/** The progress line as a person running the command sees it (the jar's log file: {@code ProgressLogFileIT}). */
@ExtendWith(OutputCaptureExtension.class)
class ProgressCommandTests {

    private static final Pattern DONE = Pattern.compile("Progress: (\\d+)/(\\d+) done, (\\d+) failed, (\\d+) in flight, (\\d+) waiting");

    @TempDir
    Path work;

    @Test
    void aRunSaysHowFarItIsAtEveryTenthOfItsScenes(CapturedOutput output) {
        Storyboard storyboard = Storyboard.in(work);
        for (int i = 1; i <= 20; i++) {
            storyboard.localScene("scene-" + i);
        }
        Path csv = storyboard.write("twenty.csv");

        try (RunPodSimulator remote = RunPodSimulator.start(TestSimulators.fast())) {
            assertThat(RemoteCommand.against(remote, work).run("--input=" + csv, "--storystudio.progress-interval=0s")).isZero();
        }

        List<String> said = progressLines(output.getOut());
        assertThat(said).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        int previous = 0;
        for (String line : said) {
            Matcher counts = DONE.matcher(line);
            assertThat(counts.find()).as(line).isTrue();
            int done = Integer.parseInt(counts.group(1));
            assertThat(done * 10 / 20).as("each line is said at a further tenth: " + line).isGreaterThan(previous * 10 / 20);
            int sum = done + Integer.parseInt(counts.group(3)) + Integer.parseInt(counts.group(4)) + Integer.parseInt(counts.group(5));
            assertThat(sum).as("the counts add up to the input's scenes: " + line).isEqualTo(20);
            previous = done;
        }
        assertThat(said.get(said.size() - 1)).contains("20/20 done", "every scene ended", "GPU ", "so far");
    }

    @Test
    void aLongRunSaysHowFarItIsAtItsOwnCadenceBeforeAnySceneHasFinished(CapturedOutput output) {
        Path csv = Storyboard.in(work).localScene("slow").write("slow.csv");

        // Simulated minutes of model load and generation take a few real seconds here.
        try (RunPodSimulator remote = RunPodSimulator.start(TestSimulators.fast().withTimeScale(40))) {
            assertThat(RemoteCommand.against(remote, work).run("--input=" + csv, "--storystudio.progress-interval=100ms")).isZero();
        }

        assertThat(progressLines(output.getOut())).first().asString().contains("0/1 done", "ETA once a scene has finished");
        assertThat(progressLines(output.getOut())).last().asString().contains("1/1 done");
    }

    private static List<String> progressLines(String text) {
        return text.lines().filter(line -> line.contains("Progress: ")).map(line -> line.substring(line.indexOf("Progress: "))).toList();
    }
}
