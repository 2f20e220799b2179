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
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.storystudio.batch.estimate.Estimate;

/**
 * The generation window's benchmark: runs the real application in this JVM against a fresh emulator
 * per scenario and prints how its schedule compares with the ideal, what it costs and how fast the
 * orchestrator itself is. Run it with {@code ./mvnw -Pbenchmark verify} (README,
 * "Benchmark"). A scenario that does not end with every video stops the benchmark, its work folder kept.
 */
public final class GenerationBenchmark {

    private static final double URL_RATIO_TOLERANCE = 0.005;
    private static final int DOWNLOAD_BUDGET_PERCENT = 5;

    private GenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
        List<Scenario> scenarios = Scenarios.select(options.scenarios(), options.scenes()).stream()
                .map(scenario -> scenario.withSeed(options.seed())).toList();
        PrintStream out = System.out;
        String header = header(options);

        ScenarioRunner runner = new ScenarioRunner(options.runArguments());
        EstimateCheck estimates = new EstimateCheck();
        List<ScenarioResult> results = new ArrayList<>();
        List<EstimateResult> estimated = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            out.printf("%n[benchmark] %s: %d scenes, %s%n", scenario.name(), scenario.scenes(), scenario.description());
            out.printf("[benchmark] audio: %s%n", scenario.audioSummary());
            Path work = Files.createTempDirectory("storystudio-benchmark-" + scenario.name() + "-");
            Measurements measured;
            Estimate estimate;
            try {
                Path csv = ScenarioRunner.storyboard(work.resolve("project"), scenario, "s");
                estimate = estimates.before(scenario, csv, work);
                measured = runner.run(scenario, csv, work);
            }
            catch (Exception | AssertionError e) {
                System.err.printf("[benchmark] %s failed; its folder is kept: %s%n", scenario.name(), work);
                throw e;
            }
            long seed = scenario.emulator().randomSeed();
            results.add(ScenarioResult.of(scenario.name(), measured,
                    GreedyExpectation.ratio(scenario.emulator(), scenario.audioClips(), seed),
                    GreedyExpectation.longestFirstRatio(scenario.emulator(), scenario.audioClips(), seed)));
            estimated.add(EstimateResult.of(scenario.name(), estimate, measured));
            deleteRecursively(work);
        }

        out.println();
        out.println(header);
        out.println();
        ResultTable.print(out, ResultTable.SCHEDULE, results);
        out.println();
        ResultTable.print(out, ResultTable.COST, results);
        out.println();
        ResultTable.print(out, ResultTable.ESTIMATE, estimated);
        out.println();
        out.println("Seconds are simulated except wall s (time scale %.0fx; %.0fx for instant, where only wall time matters);"
                .formatted(Scenarios.GPU_TIME_SCALE, Scenarios.INSTANT_TIME_SCALE));
        out.println("job cv is the spread of the completed jobs' generation times (model load excluded);");
        out.println("greedy and lpt: a delay-free client's mean ratio submitting in an order blind to the audio's length,");
        out.println("and longest audio first (replay: the run's own jobs, in the order they started).");
        out.println("cpu s is the JVM's CPU time during the run, emulator included (short waits are spun, so it grows with wall time too);");
        out.println("heap MiB is the JVM peak heap, emulator included.");
        out.println("The estimate is made before each scenario from a history pass of %d other scenes on the same emulated endpoint;"
                .formatted(EstimateCheck.HISTORY_SCENES));
        out.println("gpu s is the emulator's billed execution, model loads included (cost = gpu s x price, so cost err % is its error).");
        // The JVM's first run is left out of every comparison: its JIT is cold.
        List<ScenarioResult> warm = results.subList(1, results.size());
        Set<String> ran = results.stream().map(ScenarioResult::name).collect(Collectors.toSet());
        compareUrlAudio(out, warm, ran);
        compareDownloads(out, warm, ran);
    }

    /**
     * What fetching every video costs: instant-dl against instant, the medians of their warm runs (the JVM's first
     * run is left out, as its JIT is cold). The issue allows {@value #DOWNLOAD_BUDGET_PERCENT} % of instant's wall
     * time. Run them alternately, so that a drift of the machine reaches both: {@code instant,instant-dl,instant,...}.
     * The same for 200x8-dl against 200x8, where jobs take the time a GPU's would (scaled): there the downloads
     * overlap the jobs, and the figure says what they cost a real run.
     */
    private static void compareDownloads(PrintStream out, List<ScenarioResult> warm, Set<String> ran) {
        for (String base : List.of("instant", "200x8")) {
            String downloading = base + Scenario.DOWNLOADING;
            Overhead wall = Overhead.of(warm, base, downloading, ScenarioResult::wallSeconds);
            Overhead cpu = Overhead.of(warm, base, downloading, ScenarioResult::cpuSeconds);
            if (wall.measured()) {
                // The budget is instant's; elsewhere the figure is only reported.
                String verdict = base.equals("instant")
                        ? " (%s %d %%)".formatted(wall.percent() <= DOWNLOAD_BUDGET_PERCENT ? "within" : "NOT within", DOWNLOAD_BUDGET_PERCENT)
                        : "";
                out.println(String.format(Locale.ROOT,
                        "downloads: %s's median wall %.1f s over %d warm run(s) against %s's %.1f s over %d: %+.1f %%%s; cpu %+.1f %%",
                        downloading, wall.otherMedian(), wall.otherRuns(), base, wall.baseMedian(), wall.baseRuns(), wall.percent(),
                        verdict, cpu.percent()));
            }
            else if (ran.contains(downloading)) {
                out.println("downloads: to compare with %1$s, run both after a first run, alternately: %1$s,%2$s,%1$s,%2$s,%1$s"
                        .formatted(base, downloading));
            }
        }
    }

    /**
     * The same audio given as URLs should weigh the order as local files do: the ratios within 0.005. The first
     * scenario of this JVM runs with a cold JIT (about 0.01 of ratio worse), so it is left out, and the mean of
     * the other runs of each is compared: run {@code 64x4,64x4-url,64x4} (or more pairs, for a noisy machine).
     */
    private static void compareUrlAudio(PrintStream out, List<ScenarioResult> warm, Set<String> ran) {
        OptionalDouble local = meanRatio(warm, "64x4");
        OptionalDouble urls = meanRatio(warm, "64x4-url");
        if (local.isPresent() && urls.isPresent()) {
            double difference = Math.abs(urls.getAsDouble() - local.getAsDouble());
            out.println(String.format(Locale.ROOT,
                    "audio at URLs: mean ratio %.4f over %d warm run(s) against %.4f over %d with local files, difference %.4f (%s %.3f)",
                    urls.getAsDouble(), count(warm, "64x4-url"), local.getAsDouble(), count(warm, "64x4"), difference,
                    difference <= URL_RATIO_TOLERANCE ? "within" : "NOT within", URL_RATIO_TOLERANCE));
        }
        else if (ran.contains("64x4-url")) {
            out.println("audio at URLs: to compare with local files, run 64x4 again after 64x4-url (the first run of a JVM is cold)");
        }
    }

    private static OptionalDouble meanRatio(List<ScenarioResult> results, String name) {
        return results.stream().filter(result -> result.name().equals(name)).mapToDouble(ScenarioResult::ratio).average();
    }

    private static long count(List<ScenarioResult> results, String name) {
        return results.stream().filter(result -> result.name().equals(name)).count();
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
