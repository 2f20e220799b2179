package com.storystudio.batch.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The generation window's benchmark: runs the real application in this JVM against a fresh emulator
 * per scenario and prints how its schedule compares with the ideal, what it costs and how fast the
 * orchestrator itself is. Run it with {@code ./mvnw -Pbenchmark verify} (README,
 * "Benchmark"). A scenario that does not end with every video stops the benchmark, its work folder kept.
 */
public final class GenerationBenchmark {

    private static final double URL_RATIO_TOLERANCE = 0.005;

    private GenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
        List<Scenario> scenarios = Scenarios.select(options.scenarios(), options.scenes()).stream()
                .map(scenario -> scenario.withSeed(options.seed())).toList();
        PrintStream out = System.out;
        String header = header(options);

        ScenarioRunner runner = new ScenarioRunner();
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            out.printf("%n[benchmark] %s: %d scenes, %s%n", scenario.name(), scenario.scenes(), scenario.description());
            out.printf("[benchmark] audio: %s%n", scenario.audioSummary());
            Path work = Files.createTempDirectory("storystudio-benchmark-" + scenario.name() + "-");
            Measurements measured;
            try {
                measured = runner.run(scenario, work);
            }
            catch (Exception | AssertionError e) {
                System.err.printf("[benchmark] %s failed; its folder is kept: %s%n", scenario.name(), work);
                throw e;
            }
            long seed = scenario.emulator().randomSeed();
            results.add(ScenarioResult.of(scenario.name(), measured,
                    GreedyExpectation.ratio(scenario.emulator(), scenario.audioClips(), seed),
                    GreedyExpectation.longestFirstRatio(scenario.emulator(), scenario.audioClips(), seed)));
            deleteRecursively(work);
        }

        out.println();
        out.println(header);
        out.println();
        ResultTable.print(out, ResultTable.SCHEDULE, results);
        out.println();
        ResultTable.print(out, ResultTable.COST, results);
        out.println();
        out.println("Seconds are simulated except wall s (time scale %.0fx; %.0fx for instant, where only wall time matters);"
                .formatted(Scenarios.GPU_TIME_SCALE, Scenarios.INSTANT_TIME_SCALE));
        out.println("job cv is the spread of the completed jobs' generation times (model load excluded);");
        out.println("greedy and lpt: a delay-free client's mean ratio submitting in an order blind to the audio's length,");
        out.println("and longest audio first (replay: the run's own jobs, in the order they started).");
        out.println("heap MiB is the JVM peak heap, emulator included.");
        compareUrlAudio(out, results);
    }

    /**
     * The same audio given as URLs should weigh the order as local files do: the ratios within 0.005. The last run
     * of each is compared, because the first scenario of this JVM runs with a cold JIT (about 0.01 of ratio
     * worse): run {@code 64x4,64x4-url,64x4} to compare two warm runs.
     */
    private static void compareUrlAudio(PrintStream out, List<ScenarioResult> results) {
        Optional<ScenarioResult> local = last(results, "64x4");
        Optional<ScenarioResult> urls = last(results, "64x4-url");
        if (local.isPresent() && urls.isPresent()) {
            double difference = Math.abs(urls.get().ratio() - local.get().ratio());
            out.println(String.format(Locale.ROOT, "audio at URLs: ratio %.4f against %.4f with local files (last runs), difference %.4f (%s %.3f)%s",
                    urls.get().ratio(), local.get().ratio(), difference, difference <= URL_RATIO_TOLERANCE ? "within" : "NOT within",
                    URL_RATIO_TOLERANCE, results.get(0).name().equals("64x4") && results.indexOf(local.get()) == 0
                            ? "; 64x4 ran first, with a cold JIT: add 64x4 again after 64x4-url" : ""));
        }
    }

    private static Optional<ScenarioResult> last(List<ScenarioResult> results, String name) {
        return results.stream().filter(result -> result.name().equals(name)).reduce((first, second) -> second);
    }

    private static String header(BenchmarkOptions options) {
        String heap = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith("-Xmx")).findFirst().orElse("no -Xmx");
        return "StoryStudio generation benchmark, %s, Java %s (%s), %d cores, %s%ncommand: %s".formatted(
                ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), heap, options.command());
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark's work folder " + folder, e);
        }
    }
}
