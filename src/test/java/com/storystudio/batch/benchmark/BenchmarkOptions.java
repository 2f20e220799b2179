package com.storystudio.batch.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's choices, from system properties (the Maven profile passes them on):
 * {@code benchmark.scenarios} (comma-separated names, or {@code all}), {@code benchmark.scenes}
 * (every chosen scenario with this many scenes; 0 keeps their own), {@code benchmark.seed} (the
 * emulator's random seed: other audio lengths and service-time draws), {@code benchmark.download} (every measured run
 * with {@code --download}, to see what fetching the videos costs) and {@code benchmark.heap} (the forked JVM's -Xmx,
 * only to print the command).
 */
record BenchmarkOptions(List<String> scenarios, int scenes, long seed, boolean download, String heap) {

    static final long DEFAULT_SEED = 42;
    /** The switch that fetches every video to disk. */
    static final String DOWNLOAD = "--download";

    static final String DEFAULT_HEAP = "512m";

    static BenchmarkOptions fromSystemProperties() {
        List<String> names = Arrays.stream(System.getProperty("benchmark.scenarios", "all").split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).toList();
        int scenes = Integer.parseInt(System.getProperty("benchmark.scenes", "0").trim());
        if (scenes < 0) {
            throw new IllegalArgumentException("benchmark.scenes must be 0 (each scenario's own) or more, was " + scenes);
        }
        long seed = Long.parseLong(System.getProperty("benchmark.seed", String.valueOf(DEFAULT_SEED)).trim());
        boolean download = Boolean.parseBoolean(System.getProperty("benchmark.download", "false").trim());
        return new BenchmarkOptions(names.isEmpty() ? List.of("all") : names, scenes, seed, download,
                System.getProperty("benchmark.heap", DEFAULT_HEAP));
    }

    /** What every measured run is given besides each scenario's own arguments. */
    List<String> runArguments() {
        return download ? List.of(DOWNLOAD) : List.of();
    }

    /** The command that repeats this run. */
    String command() {
        StringBuilder command = new StringBuilder("./mvnw -Pbenchmark verify");
        if (!scenarios.equals(List.of("all"))) {
            command.append(" -Dbenchmark.scenarios=").append(String.join(",", scenarios));
        }
        if (scenes > 0) {
            command.append(" -Dbenchmark.scenes=").append(scenes);
        }
        if (seed != DEFAULT_SEED) {
            command.append(" -Dbenchmark.seed=").append(seed);
        }
        if (download) {
            command.append(" -Dbenchmark.download=true");
        }
        if (!heap.equals(DEFAULT_HEAP)) {
            command.append(" -Dbenchmark.heap=").append(heap);
        }
        return command.toString();
    }
}
