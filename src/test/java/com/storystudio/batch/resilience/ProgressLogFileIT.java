package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.StoryStudioProcess;

/** The jar's progress lines read the same in the terminal and in the log file Spring Boot writes with {@code --logging.file.name}. */
class ProgressLogFileIT extends JarAgainstEmulator {

    @Test
    void theProgressLinesInTheLogFileAreTheOnesTheTerminalShowed() throws IOException {
        Storyboard storyboard = Storyboard.in(work.resolve("project"));
        for (int i = 1; i <= 10; i++) {
            storyboard.localScene("scene-" + i);
        }
        Path csv = storyboard.write("ten.csv");
        Path logFile = work.resolve("logs/storystudio.log");

        StoryStudioProcess launch = jar.run(csv, "--logging.file.name=" + logFile, "--storystudio.progress-interval=0s");

        assertThat(launch.waitFor(Duration.ofSeconds(60))).as(launch::describe).isZero();
        List<String> terminal = progressLines(launch.output());
        assertThat(terminal).isNotEmpty().last().asString().contains("10/10 done");
        assertThat(progressLines(Files.readString(logFile))).isEqualTo(terminal);
    }

    private static List<String> progressLines(String text) {
        return text.lines().filter(line -> line.contains("Progress: ")).map(line -> line.substring(line.indexOf("Progress: "))).toList();
    }
}
