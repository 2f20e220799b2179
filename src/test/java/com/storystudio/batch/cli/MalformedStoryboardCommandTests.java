package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.StoryStudioApplication;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.TestSimulators;

/**
 * Every storyboard of the malformed corpus ({@code src/test/resources/malformed-csv}), run through the command as a
 * user runs it, against a reachable endpoint: a usage error naming the line, no stack trace on either stream, and
 * nothing sent to RunPod, not even the preflight.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedStoryboardCommandTests {

    private static final Path CORPUS = Path.of("src/test/resources/malformed-csv");

    private static RunPodSimulator remote;

    @TempDir
    Path work;

    @BeforeAll
    static void startRemoteEndpoint() {
        remote = RunPodSimulator.start(TestSimulators.fast());
    }

    @AfterAll
    static void stopRemoteEndpoint() {
        remote.close();
    }

    static Stream<String> storyboards() throws IOException {
        return expectedLines().stringPropertyNames().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("storyboards")
    void isRefusedAtItsLineWithoutATraceAndCostsNothing(String storyboard, CapturedOutput output) throws IOException {
        long requestsBefore = remote.stats().graphqlRequests() + remote.stats().runRequests();

        int exit = StoryStudioApplication.launch("--input=" + CORPUS.resolve(storyboard), "--runpod.base-url=" + remote.baseUrl(),
                "--runpod.endpoint-id=" + remote.endpointId(), "--runpod.api-key=" + remote.apiKey(),
                "--output-dir=" + work.resolve("out"), "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/jobs"));

        assertThat(exit).isEqualTo(2);
        String line = expectedLines().getProperty(storyboard);
        assertThat(output.getErr()).contains(storyboard + " line " + line, "input rejected");
        assertThat(output.getAll()).doesNotContain("\tat ", "Exception", "Caused by");
        assertThat(remote.stats().graphqlRequests() + remote.stats().runRequests()).isEqualTo(requestsBefore);
        assertThat(work.resolve("db")).doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();
    }

    private static Properties expectedLines() throws IOException {
        Properties lines = new Properties();
        try (InputStream in = Files.newInputStream(CORPUS.resolve("expected-lines.properties"))) {
            lines.load(in);
        }
        return lines;
    }
}
