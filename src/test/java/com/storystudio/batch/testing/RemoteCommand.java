package com.storystudio.batch.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.storystudio.batch.StoryStudioApplication;
import com.storystudio.batch.simulator.RunPodSimulator;

/**
 * The command as a user runs it ({@link StoryStudioApplication#launch}, in this JVM) against an endpoint outside the
 * application, with timings fit for an emulator running 1000x, its output and job database in the test's folder. A
 * test's own arguments win over these defaults (an option given twice is a usage error).
 */
public final class RemoteCommand {

    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Path work;

    private RemoteCommand(URI baseUrl, RunPodSimulator remote, Path work) {
        this.work = work;
        defaults.put("runpod.base-url", baseUrl.toString());
        defaults.put("runpod.endpoint-id", remote.endpointId());
        defaults.put("runpod.api-key", remote.apiKey());
        defaults.put("runpod.poll-interval", "10ms");
        defaults.put("runpod.rate-limit.window", "10ms");
        defaults.put("runpod.http.retry-delay", "5ms");
        defaults.put("runpod.http.retry-max-delay", "50ms");
        defaults.put("runpod.http.max-retries", "8");
        defaults.put("storystudio.resubmit-delay", "10ms");
        defaults.put("output-dir", work.resolve("out").toString());
        defaults.put("spring.datasource.url", databaseUrl());
    }

    /** Straight at {@code remote}. */
    public static RemoteCommand against(RunPodSimulator remote, Path work) {
        return new RemoteCommand(remote.baseUrl(), remote, work);
    }

    /** At {@code baseUrl} (a server in front of {@code remote}, or no server at all), as {@code remote}'s endpoint and key. */
    public static RemoteCommand at(URI baseUrl, RunPodSimulator remote, Path work) {
        return new RemoteCommand(baseUrl, remote, work);
    }

    /** @return the exit code */
    public int run(String... arguments) {
        return StoryStudioApplication.launch(arguments(arguments));
    }

    /** {@code arguments}, then every default they do not set. */
    public String[] arguments(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        defaults.forEach((name, value) -> {
            if (all.stream().noneMatch(given -> given.equals("--" + name) || given.startsWith("--" + name + "="))) {
                all.add("--" + name + "=" + value);
            }
        });
        return all.toArray(String[]::new);
    }

    public String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("db/jobs") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
