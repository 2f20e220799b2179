package com.storystudio.batch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.logging.LogFields;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.StoryStudioJar;
import com.storystudio.batch.testing.StoryStudioProcess;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * The packaged application's log as a log shipper reads it: with the README's one switch every log line is a JSON
 * object carrying the input, the execution and, where a line is about a scene, the scene and its RunPod job; without
 * it, plain lines that start with the date.
 */
class StructuredLogsIT {

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path work;

    private RunPodSimulator remote;
    private StoryStudioJar jar;

    @BeforeEach
    void start() {
        remote = RunPodSimulator.start(TestSimulators.fast());
        jar = StoryStudioJar.against(remote, work);
    }

    @AfterEach
    void stop() {
        jar.close();
        remote.close();
    }

    @Test
    void withTheEcsSwitchEveryLogLineIsJsonWithTheRunsFields() {
        Path csv = Storyboard.in(work.resolve("project")).localScene("j1").localScene("j2").localScene("j3").write("json.csv");

        StoryStudioProcess launch = jar.run(csv, "--logging.structured.format.console=ecs", "--download");

        assertThat(launch.waitFor(LAUNCH_TIMEOUT)).as(launch::describe).isZero();
        assertThat(launch.output()).doesNotContain(remote.apiKey());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : launch.output().lines().toList()) {
            if (isSummary(line)) {
                continue;
            }
            // readTree throws on anything that is not one whole JSON value: the test fails on that line.
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            lines.add(node);
        }
        String execution = String.valueOf(jar.database().lastJobExecution().executionId());
        List<JsonNode> run = lines.stream().filter(node -> node.path("message").asString().contains("3 scene(s), all valid")).toList();
        assertThat(run).singleElement().satisfies(node -> {
            assertThat(node.path(LogFields.INPUT).asString()).isEqualTo(csv.toAbsolutePath().toString());
            assertThat(node.path(LogFields.EXECUTION_ID).asString()).isEqualTo(execution);
        });
        List<JsonNode> submitted = lines.stream().filter(node -> node.path("message").asString().matches("Scene j\\d: submitted as RunPod job .*"))
                .toList();
        assertThat(submitted).hasSize(3).allSatisfy(node -> {
            String message = node.path("message").asString();
            assertThat(message).startsWith("Scene " + node.path(LogFields.SCENE_ID).asString() + ":")
                    .contains("RunPod job " + node.path(LogFields.RUNPOD_JOB_ID).asString() + " ");
            assertThat(node.path(LogFields.EXECUTION_ID).asString()).isEqualTo(execution);
        });
        List<JsonNode> completed = lines.stream().filter(node -> node.path("message").asString().matches("Scene j\\d: COMPLETED .*"))
                .toList();
        assertThat(completed).hasSize(3).allSatisfy(node -> {
            assertThat(node.path("message").asString()).startsWith("Scene " + node.path(LogFields.SCENE_ID).asString() + ":")
                    .contains(node.path(LogFields.RUNPOD_JOB_ID).asString());
            assertThat(node.path(LogFields.RUNPOD_JOB_ID).asString()).isNotBlank();
        });
        // Written by the download's thread, which may settle it after the scene's turn is over: the fields go with it.
        List<JsonNode> saved = lines.stream().filter(node -> node.path("message").asString().matches("Scene j\\d: video saved as .*"))
                .toList();
        assertThat(saved).hasSize(3).allSatisfy(node -> {
            assertThat(node.path("message").asString()).startsWith("Scene " + node.path(LogFields.SCENE_ID).asString() + ":");
            assertThat(node.path(LogFields.INPUT).asString()).isEqualTo(csv.toAbsolutePath().toString());
            assertThat(node.path(LogFields.EXECUTION_ID).asString()).isEqualTo(execution);
        });
        assertThat(lines).filteredOn(node -> node.has(LogFields.SCENE_ID))
                .as("a scene's fields never leak onto the lines after its turn")
                .allSatisfy(node -> assertThat(node.path("message").asString()).contains(node.path(LogFields.SCENE_ID).asString()));
    }

    @Test
    void aReRunFetchingTheEarlierRunsVideosLogsEachWithItsScene() {
        Path csv = Storyboard.in(work.resolve("project")).localScene("k1").localScene("k2").sceneWithUndecodableImage("k3")
                .write("again.csv");
        StoryStudioProcess first = jar.run(csv);
        assertThat(first.waitFor(LAUNCH_TIMEOUT)).as(first::describe).isNotZero();

        // k3 is tried again, so the job runs, and it fetches k1's and k2's videos apart from any scene's turn.
        StoryStudioProcess again = jar.run(csv, "--logging.structured.format.console=ecs", "--download");

        again.waitFor(LAUNCH_TIMEOUT);
        List<JsonNode> saved = jsonLinesWhere(again, message -> message.matches("Scene k\\d: video saved as .*"));
        assertThat(saved).as(again::describe).hasSize(2).allSatisfy(node -> assertThat(node.path("message").asString())
                .startsWith("Scene " + node.path(LogFields.SCENE_ID).asString() + ":"));
    }

    @Test
    void aVideoFetchedForAnInputAlreadyDoneIsLoggedAsSavedWithItsInputAndScene() {
        Path csv = Storyboard.in(work.resolve("project")).localScene("n1").localScene("n2").write("fetched.csv");
        StoryStudioProcess first = jar.run(csv);
        assertThat(first.waitFor(LAUNCH_TIMEOUT)).as(first::describe).isZero();

        // Every scene has its video: the job does not run, and the launcher fetches both, as the job would have.
        StoryStudioProcess again = jar.run(csv, "--logging.structured.format.console=ecs", "--download");

        assertThat(again.waitFor(LAUNCH_TIMEOUT)).as(again::describe).isZero();
        List<JsonNode> saved = jsonLinesWhere(again, message -> message.matches("Scene n\\d: video saved as videos/n\\d\\.mp4"));
        assertThat(saved).as(again::describe).hasSize(2).allSatisfy(node -> {
            assertThat(node.path("message").asString()).startsWith("Scene " + node.path(LogFields.SCENE_ID).asString() + ":");
            assertThat(node.path(LogFields.INPUT).asString()).isEqualTo(csv.toAbsolutePath().toString());
        });
    }

    @Test
    void aVideoAnInputAlreadyDoneCannotFetchIsLoggedWithItsInputAndScene() {
        Path csv = Storyboard.in(work.resolve("project")).localScene("m1").write("done.csv");
        StoryStudioProcess first = jar.run(csv);
        assertThat(first.waitFor(LAUNCH_TIMEOUT)).as(first::describe).isZero();
        remote.faults().setVideosGone(true);

        // Every scene has its video: the job does not run, and the launcher fetches what is not on disk.
        StoryStudioProcess again = jar.run(csv, "--logging.structured.format.console=ecs", "--download");

        again.waitFor(LAUNCH_TIMEOUT);
        List<JsonNode> refused = jsonLinesWhere(again, message -> message.startsWith("Scene m1: its video could not be downloaded"));
        assertThat(refused).as(again::describe).singleElement().satisfies(node -> {
            assertThat(node.path(LogFields.SCENE_ID).asString()).isEqualTo("m1");
            assertThat(node.path(LogFields.INPUT).asString()).isEqualTo(csv.toAbsolutePath().toString());
        });
    }

    @Test
    void thePlainLogLinesStartWithTheDate() {
        Path csv = Storyboard.in(work.resolve("project")).localScene("p1").write("plain.csv");

        StoryStudioProcess launch = jar.run(csv);

        assertThat(launch.waitFor(LAUNCH_TIMEOUT)).as(launch::describe).isZero();
        List<String> logLines = launch.output().lines().filter(line -> line.matches(".*\\b(INFO|WARN|ERROR) .*")).toList();
        assertThat(logLines).isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} (INFO |WARN |ERROR) .*"));
    }

    /** The JSON log lines of a launch whose message passes {@code message}; its summary and any other text are skipped. */
    private static List<JsonNode> jsonLinesWhere(StoryStudioProcess launch, Predicate<String> message) {
        return launch.output().lines().filter(line -> line.startsWith("{")).map(JSON::readTree)
                .filter(node -> message.test(node.path("message").asString())).toList();
    }

    /** The end-of-run summary is the command's answer on standard output, not a log line: it stays text. */
    private static boolean isSummary(String line) {
        return line.isBlank() || line.startsWith("StoryStudio: ") || line.startsWith("  ");
    }
}
