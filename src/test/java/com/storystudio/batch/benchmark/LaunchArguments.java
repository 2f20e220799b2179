package com.storystudio.batch.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.JobDatabase;

/**
 * The command line the jar would get for one benchmark run, with the application's timings divided by
 * the emulator's time scale, so that the client paces itself against RunPod as it would in real time.
 * <p>
 * Not scaled: the execution timeout, ttl and idle timeouts (sent to the emulator, which reads them as
 * simulated time already), and the heartbeat, HTTP socket timeouts and results-CSV interval (they
 * concern this process, its sockets and its files, not RunPod's pace).
 */
record LaunchArguments(double timeScale) {

    /** The application's real-time defaults (RunPodProperties, GenerationProperties, WorkerProperties). */
    private static final Map<String, Duration> REAL_TIMINGS = realTimings();

    private static Map<String, Duration> realTimings() {
        Map<String, Duration> timings = new LinkedHashMap<>();
        timings.put("runpod.poll-interval", Duration.ofSeconds(10));
        timings.put("runpod.max-poll-interval", Duration.ofSeconds(120));
        timings.put("runpod.rate-limit.window", Duration.ofSeconds(10));
        timings.put("runpod.http.retry-delay", Duration.ofSeconds(1));
        timings.put("runpod.http.retry-max-delay", Duration.ofSeconds(60));
        timings.put("runpod.http.retry-jitter", Duration.ofMillis(500));
        timings.put("storystudio.resubmit-delay", Duration.ofSeconds(30));
        timings.put("storystudio.restore-retry-delay", Duration.ofSeconds(5));
        timings.put("storystudio.scene-deadline", Duration.ofMinutes(90));
        return Collections.unmodifiableMap(timings);
    }

    /** The poll interval in simulated time, to compare completion delays with. */
    Duration simulatedPollInterval() {
        return REAL_TIMINGS.get("runpod.poll-interval");
    }

    /**
     * {@code --input}, {@code --output-dir}, the emulator's endpoint and key, an H2 file of the run's own
     * under {@code work/db}, the scaled timings, {@code --max-in-flight} only if given, and the log to a
     * file so that the benchmark's output stays readable.
     */
    List<String> forRun(Path csv, Path work, RunPodSimulator emulator, Integer maxInFlight) {
        List<String> arguments = new ArrayList<>(List.of(
                "--input=" + csv.toAbsolutePath(),
                "--output-dir=" + work.resolve("out").toAbsolutePath(),
                "--runpod.base-url=" + emulator.baseUrl(),
                "--runpod.endpoint-id=" + emulator.endpointId(),
                "--runpod.api-key=" + emulator.apiKey(),
                "--spring.datasource.url=" + JobDatabase.in(work).url()));
        REAL_TIMINGS.forEach((name, real) -> arguments.add("--%s=%s".formatted(name, scaled(real))));
        if (maxInFlight != null) {
            arguments.add("--max-in-flight=" + maxInFlight);
        }
        arguments.add("--logging.file.name=" + log(work));
        arguments.add("--logging.config=classpath:com/storystudio/batch/benchmark/logback.xml");
        return arguments;
    }

    static Path log(Path work) {
        return work.resolve("storystudio.log").toAbsolutePath();
    }

    /** In microseconds: 500 ms at 1000x is 500 us, which whole milliseconds could not say. */
    String scaled(Duration real) {
        long micros = Math.round(real.toNanos() / timeScale / 1_000);
        return micros % 1_000 == 0 ? (micros / 1_000) + "ms" : micros + "us";
    }
}
