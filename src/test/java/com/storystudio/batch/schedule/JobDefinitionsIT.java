package com.storystudio.batch.schedule;

import static com.storystudio.batch.testing.ObservedTraffic.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.StoryStudioJar;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * The definitions of {@code jobs/} run for real, as far as this machine can: the Dockerfile's extract command on
 * the built jar, its layers laid out as its {@code COPY} lines say and the image's command run on them (no Docker
 * daemon or base image here), and the crontab line run by {@code sh} as cron would, under {@code flock}. Their
 * absolute paths ({@code /srv/storystudio}, {@code /opt/storystudio}, {@code /etc/storystudio}) are moved under the
 * test's folder; nothing else is changed.
 */
class JobDefinitionsIT {

    private static final Path JOBS = Path.of("jobs");
    private static final long LAUNCH_SECONDS = 120;

    @TempDir
    Path root;

    @Test
    void theDockerfilesLayersRunTheImagesCommandOnTheInbox() throws Exception {
        DockerfileInstructions dockerfile = DockerfileInstructions.parse(Files.readString(JOBS.resolve("Dockerfile")));
        DockerfileInstructions.Stage build = dockerfile.stages().get(0);
        Path buildDir = under(build.last("WORKDIR").orElseThrow());
        Files.createDirectories(buildDir);
        for (String copy : build.arguments("COPY")) {
            String[] words = copy.split("\\s+");
            Files.copy(Path.of(words[0]), buildDir.resolve(words[1]));
        }
        for (String run : build.arguments("RUN")) {
            assertThat(run(buildDir, List.of(run.split("\\s+")))).as(run).isZero();
        }
        DockerfileInstructions.Stage image = dockerfile.image();
        for (String copy : image.arguments("COPY")) {
            String[] words = copy.split("\\s+");
            assertThat(words[0]).startsWith("--from=");
            Path source = under(words[1]);
            assertThat(source).as("a layer the extract wrote").isDirectory();
            copyTree(source, under(words[2]));
        }
        Path workdir = under(image.last("WORKDIR").orElseThrow());
        Storyboard.in(workdir.resolve("inbox")).localScene("one").localScene("two").write("tonight.csv");
        List<String> command = new ArrayList<>(DockerfileInstructions.execForm(image.last("ENTRYPOINT").orElseThrow()).orElseThrow());
        command.addAll(DockerfileInstructions.execForm(image.last("CMD").orElseThrow()).orElseThrow());
        command.add("--simulate");

        Path log = root.resolve("image.log");
        assertThat(run(workdir, command.stream().map(this::moved).toList(), log)).as(() -> read(log)).isZero();

        assertThat(read(log)).contains("StoryStudio: 1 file(s) in the inbox " + workdir.resolve("inbox"))
                .containsPattern("tonight\\.csv +completed +exit 0 +2 total, 2 with video, 0 failed");
        assertThat(under("/opt/storystudio/lib")).isDirectoryContaining(file -> file.getFileName().toString().startsWith("spring-batch-core"));
    }

    @Test
    void theCrontabLineRunsTheInboxWithTheKeyFromTheEnvironmentFileAndFlockTurnsAwayAnOverlappingNight() throws Exception {
        assertThat(StoryStudioJar.JAR).as("integration tests run after package").isRegularFile();
        try (RunPodSimulator remote = RunPodSimulator.start(TestSimulators.fast())) {
            ObservedTraffic traffic = ObservedTraffic.of(remote);
            Files.createDirectories(under("/srv/storystudio/logs"));
            Storyboard.in(under("/srv/storystudio/inbox")).localScene("cron-1").write("nightly.csv");
            Path environment = under(JobDefinitions.ENV_FILE);
            Files.createDirectories(environment.getParent());
            Files.writeString(environment, Files.readString(JOBS.resolve("storystudio.env.example"))
                    .replace("RUNPOD_API_KEY=\n", "RUNPOD_API_KEY=" + remote.apiKey() + "\n")
                    .replace("RUNPOD_ENDPOINT_ID=\n", "RUNPOD_ENDPOINT_ID=" + remote.endpointId() + "\n")
                    .replace("#RUNPOD_BASE_URL=\n", "RUNPOD_BASE_URL=" + remote.baseUrl() + "\n"));
            String line = cronCommand();

            assertThat(sh(line)).as(() -> read(under("/srv/storystudio/logs/nightly.out"))).isZero();

            assertThat(read(under("/srv/storystudio/logs/nightly.out"))).contains("StoryStudio: 1 file(s) in the inbox " + under("/srv/storystudio/inbox"))
                    .containsPattern("nightly\\.csv +completed +exit 0").doesNotContain(remote.apiKey()).doesNotContain(" INFO ");
            assertThat(read(under("/srv/storystudio/logs/storystudio.log"))).contains("INFO").doesNotContain(remote.apiKey());
            long runs = traffic.count(route("RUN"));

            // Last night's run still holds the lock: tonight's exits 7 at once and calls nobody.
            Process holder = new ProcessBuilder("flock", under("/srv/storystudio/nightly.lock").toString(), "cat").start();
            try {
                assertThat(sh(line)).isEqualTo(7);
            }
            finally {
                holder.getOutputStream().close();
                holder.waitFor(LAUNCH_SECONDS, TimeUnit.SECONDS);
            }
            assertThat(traffic.count(route("RUN"))).isEqualTo(runs);
        }
    }

    /** The crontab's command, its paths moved under the test's folder and java the one running this test. */
    private String cronCommand() throws IOException {
        String entry = Files.readAllLines(JOBS.resolve("storystudio.crontab")).stream()
                .filter(line -> line.matches("^[0-9*].*")).findFirst().orElseThrow();
        String command = entry.split("\\s+", 6)[5];
        return moved(command.replace(" java -jar ", " " + javaExecutable() + " -jar ")
                .replace("/opt/storystudio/storystudio.jar", StoryStudioJar.JAR.toAbsolutePath().toString()));
    }

    private int sh(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command).directory(root.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RUNPOD_") || name.startsWith("SPRING_"));
        Process process = builder.redirectErrorStream(true).redirectOutput(root.resolve("sh.log").toFile()).start();
        assertThat(process.waitFor(LAUNCH_SECONDS, TimeUnit.SECONDS)).as("the cron command ended").isTrue();
        return process.exitValue();
    }

    private int run(Path directory, List<String> command) throws Exception {
        return run(directory, command, root.resolve("run.log"));
    }

    private int run(Path directory, List<String> command, Path log) throws Exception {
        List<String> words = new ArrayList<>(command);
        if (words.get(0).equals("java")) {
            words.set(0, javaExecutable());
        }
        ProcessBuilder builder = new ProcessBuilder(words).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("RUNPOD_") || name.startsWith("SPRING_"));
        Process process = builder.start();
        assertThat(process.waitFor(LAUNCH_SECONDS, TimeUnit.SECONDS)).as(() -> String.join(" ", words) + " ended: " + read(log)).isTrue();
        return process.exitValue();
    }

    private String moved(String text) {
        return text.replace("/srv/storystudio", under("/srv/storystudio").toString())
                .replace("/opt/storystudio", under("/opt/storystudio").toString())
                .replace("/etc/storystudio", under("/etc/storystudio").toString());
    }

    private Path under(String absolute) {
        return root.resolve(absolute.replaceFirst("^/", ""));
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no " + file + ")";
        }
        catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
