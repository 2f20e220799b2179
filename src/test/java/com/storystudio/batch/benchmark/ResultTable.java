package com.storystudio.batch.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Fixed-width columns of {@link ScenarioResult}s (and {@link EstimateResult}s), right-aligned except the first. */
final class ResultTable {

    private static final double MIB = 1024.0 * 1024.0;

    /** One column: a header of at most {@code width} characters and how to show a row's value. */
    record Column<T>(String header, int width, Function<T, String> value) {
    }

    /** The schedule: how close to the ideal the window gets, and how late it sees a finished job. */
    static final List<Column<ScenarioResult>> SCHEDULE = List.of(
            new Column<>("scenario", 10, ScenarioResult::name),
            new Column<>("scenes", 6, r -> String.valueOf(r.scenes())),
            new Column<>("workers", 7, r -> String.valueOf(r.workers())),
            new Column<>("window", 7, ScenarioResult::window),
            new Column<>("job cv", 6, r -> number(r.jobCv(), 2)),
            new Column<>("makespan s", 10, r -> number(r.makespanSeconds(), 0)),
            new Column<>("ideal s", 8, r -> number(r.idealSeconds(), 0)),
            new Column<>("ratio", 8, r -> number(r.ratio(), 3)),
            new Column<>("replay", 6, r -> number(r.replayRatio(), 3)),
            new Column<>("greedy", 6, r -> number(r.greedyRatio(), 3)),
            new Column<>("lpt", 6, r -> number(r.longestFirstRatio(), 3)),
            new Column<>("util %", 6, r -> number(100 * r.utilisation(), 1)),
            new Column<>("delay p50 s", 11, r -> number(r.delayMedianSeconds(), 1)),
            new Column<>("delay p95 s", 11, r -> number(r.delayP95Seconds(), 1)),
            new Column<>("poll s", 6, r -> number(r.pollIntervalSeconds(), 0)));

    /** What it costs: GPU time billed, calls made, and the orchestrator's own speed and memory. */
    static final List<Column<ScenarioResult>> COST = List.of(
            new Column<>("scenario", 10, ScenarioResult::name),
            new Column<>("jobs", 6, r -> String.valueOf(r.jobsCreated())),
            new Column<>("billed s", 10, r -> number(r.billedSeconds(), 0)),
            new Column<>("idle s", 9, r -> number(r.idleSeconds(), 0)),
            new Column<>("idle %", 6, r -> number(100 * r.idleShare(), 1)),
            new Column<>("status/scene", 12, r -> number(r.statusPerScene(), 1)),
            new Column<>("target", 6, r -> number(r.statusTarget(), 1)),
            new Column<>("health/scene", 12, r -> number(r.healthPerScene(), 1)),
            new Column<>("wall s", 7, r -> number(r.wallSeconds(), 1)),
            new Column<>("scenes/s", 8, r -> number(r.scenesPerWallSecond(), 1)),
            new Column<>("cpu s", 7, r -> number(r.cpuSeconds(), 1)),
            new Column<>("chunks", 6, r -> String.valueOf(r.resultChunks())),
            new Column<>("heap MiB", 8, r -> number(r.peakHeapBytes() / MIB, 0)));

    /**
     * The estimate made before each scenario from a history of {@link EstimateCheck#HISTORY_SCENES} scenes, against
     * what the scenario measured: the errors in percent, and whether the measured value fell in the estimate's range.
     */
    static final List<Column<EstimateResult>> ESTIMATE = List.of(
            new Column<>("scenario", 10, EstimateResult::name),
            new Column<>("makespan s", 10, r -> number(r.measuredMakespanSeconds(), 0)),
            new Column<>("estimate s", 10, r -> number(r.makespanSeconds().expected(), 0)),
            new Column<>("range s", 13, r -> range(r.makespanSeconds().low(), r.makespanSeconds().high())),
            new Column<>("makespan err %", 14, r -> number(r.makespanErrorPercent(), 1)),
            new Column<>("in range", 8, r -> r.makespanInRange() ? "yes" : "no"),
            new Column<>("gpu s", 8, r -> number(r.measuredGpuSeconds(), 0)),
            new Column<>("estimate s", 10, r -> number(r.gpuSeconds().expected(), 0)),
            new Column<>("range s", 13, r -> range(r.gpuSeconds().low(), r.gpuSeconds().high())),
            new Column<>("cost err %", 10, r -> number(r.costErrorPercent(), 1)),
            new Column<>("in range", 8, r -> r.costInRange() ? "yes" : "no"));

    private ResultTable() {
    }

    static <T> void print(PrintStream out, List<Column<T>> columns, List<T> rows) {
        out.println(line(columns, columns.stream().map(Column::header).toList()));
        out.println(line(columns, columns.stream().map(c -> "-".repeat(c.width())).toList()));
        for (T row : rows) {
            out.println(line(columns, columns.stream().map(c -> c.value().apply(row)).toList()));
        }
    }

    private static String line(List<? extends Column<?>> columns, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String format = i == 0 ? "%-" + columns.get(i).width() + "s" : "  %" + columns.get(i).width() + "s";
            line.append(String.format(Locale.ROOT, format, cells.get(i)));
        }
        return line.toString().stripTrailing();
    }

    private static String range(double low, double high) {
        return number(low, 0) + "-" + number(high, 0);
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
