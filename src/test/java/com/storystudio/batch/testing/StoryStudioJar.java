package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.storystudio.batch.simulator.RunPodSimulator;

/**
 * The packaged application as a user runs it: {@code java -jar target/storystudio.jar ...} in a process of
 * its own, against an emulator in the test JVM, with a job database in the test's folder. Every launch gets
 * its own log file under {@code <work>/logs/}. The API key travels in the environment only.
 * <p>
 * Needs the jar, so only integration tests (failsafe, after {@code package}) can use it. {@link #close()}
 * kills whatever launch is still alive, so that a failing test leaves no process behind.
 */
public final class StoryStudioJar implements AutoCloseable {

    public static final Path JAR = Path.of("target/storystudio.jar");

    /**
     * Start-up speed only: these runs last seconds, so the C2 compiler and the parallel collector cost more
     * than they give on a 2-core machine. Nothing here changes what the application does.
     */
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The simulate profile's client timings (application-simulate.properties), for a 1000x emulator. */
    private static final List<String> FAST_TIMINGS = List.of(
            "--runpod.poll-interval=20ms",
            "--runpod.max-poll-interval=120ms",
            "--runpod.rate-limit.window=10ms",
            "--runpod.http.retry-delay=20ms",
            "--runpod.http.retry-max-delay=1s",
            "--runpod.http.retry-jitter=10ms",
            "--storystudio.resubmit-delay=50ms",
            "--storystudio.restore-retry-delay=50ms",
            "--storystudio.results-csv-interval=200ms");

    private final RunPodSimulator remote;
    private final Path work;
    private final JobDatabase database;
    private final AtomicInteger launches = new AtomicInteger();
    private final List<StoryStudioProcess> processes = new CopyOnWriteArrayList<>();

    private StoryStudioJar(RunPodSimulator remote, Path work, JobDatabase database) {
        this.remote = remote;
        this.work = work.toAbsolutePath();
        this.database = database;
    }

    /** Launches in {@code work} (working directory, H2 database, output, logs) against {@code remote}. */
    public static StoryStudioJar against(RunPodSimulator remote, Path work) {
        return against(remote, work, JobDatabase.in(work));
    }

    /** Launches in {@code work} (working directory, output, logs) against {@code remote}, with {@code database}. */
    public static StoryStudioJar against(RunPodSimulator remote, Path work, JobDatabase database) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " does not exist: integration tests run after "
                    + "`package` (mvn verify)");
        }
        return new StoryStudioJar(remote, work, database);
    }

    public JobDatabase database() {
        return database;
    }

    public Path outputDir() {
        return work.resolve("out");
    }

    /** How many processes were launched so far. */
    public int launches() {
        return launches.get();
    }

    /**
     * Endpoint, database and timings: what every launch against this emulator and database passes, whatever
     * the command.
     */
    public List<String> connectionArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--runpod.base-url=" + remote.baseUrl(),
                "--runpod.endpoint-id=" + remote.endpointId()));
        arguments.addAll(database.launchArguments());
        arguments.addAll(FAST_TIMINGS);
        return arguments;
    }

    /** {@code --input=<input> --output-dir=<work>/out}, the connection arguments, then {@code extra}. */
    public StoryStudioProcess run(Path input, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--input=" + input.toAbsolutePath(), "--output-dir=" + outputDir()));
        arguments.addAll(List.of(extra));
        return start(arguments);
    }

    /** {@code --restore-worker} with the connection arguments, then {@code extra}. */
    public StoryStudioProcess restoreWorker(String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--restore-worker"));
        arguments.addAll(List.of(extra));
        return start(arguments);
    }

    /** {@code arguments}, then the connection arguments. */
    public StoryStudioProcess start(List<String> arguments) {
        int number = launches.incrementAndGet();
        List<String> all = new ArrayList<>(arguments);
        all.addAll(connectionArguments());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(all);
        Path log = work.resolve("logs/launch-%02d.log".formatted(number));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("RUNPOD_"));
            builder.environment().put("RUNPOD_API_KEY", remote.apiKey());
            StoryStudioProcess process = new StoryStudioProcess(number, all, builder.start(), log);
            processes.add(process);
            System.out.printf("[jar] launch %d, pid %d: %s%n      log %s%n", number, process.pid(), String.join(" ", arguments), log);
            return process;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + JAR, e);
        }
    }

    /** Kills every launch that is still alive. */
    @Override
    public void close() {
        processes.stream().filter(StoryStudioProcess::isAlive).forEach(process -> {
            System.out.printf("[jar] launch %d (pid %d) still alive at the end of the test: killing it%n",
                    process.number(), process.pid());
            process.sigkill();
        });
    }

    /** The java that runs this test, so the jar runs on the same JDK. */
    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
