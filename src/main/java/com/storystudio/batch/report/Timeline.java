package com.storystudio.batch.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.storystudio.batch.ledger.SubmissionState;

/**
 * The report's timeline, inline SVG on the wall clock: the executions, the worker's holds (enable and hand-back
 * marked, shaded across every lane), how many jobs were executing at each moment against the workers held, then a
 * lane per scene with a bar per remote job (queued, then executing; failures in red with a cross). Nothing in it
 * needs a script: each bar's details are its {@code <title>}, which a browser shows on hover.
 */
final class Timeline {

    private static final int LABEL = 180;
    private static final int PLOT = 900;
    private static final int WIDTH = LABEL + PLOT + 20;
    private static final int AXIS = 26;
    private static final int LANE = 18;
    private static final int BAR = 12;
    private static final int BUSY = 44;
    private static final int LABEL_CHARS = 24;
    /**
     * More scenes than this get no lane each: thousands of lanes make a picture nobody can read (and a
     * report that takes seconds to write); the lanes above them, and the table, still tell it all.
     */
    static final int MAX_SCENE_LANES = 500;
    private static final long[] TICKS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};

    private final RunReport report;
    private final Instant start;
    private final Instant end;

    Timeline(RunReport report) {
        this.report = report;
        List<Instant> froms = Stream.of(report.executions().stream().map(RunReport.Execution::start),
                report.attempts().map(RunReport.Attempt::from), report.holds().stream().map(RunReport.Hold::from))
                .flatMap(s -> s).filter(java.util.Objects::nonNull).toList();
        List<Instant> tos = Stream.of(report.executions().stream().map(e -> e.end() != null ? e.end() : report.generatedAt()),
                report.attempts().map(RunReport.Attempt::finishedAt), report.holds().stream().map(RunReport.Hold::to))
                .flatMap(s -> s).filter(java.util.Objects::nonNull).toList();
        this.start = froms.stream().min(Instant::compareTo).orElse(report.generatedAt());
        Instant last = tos.stream().max(Instant::compareTo).orElse(start);
        this.end = last.isAfter(start.plusSeconds(1)) ? last : start.plusSeconds(1);
    }

    String svg() {
        int scenesTop = AXIS + 2 * LANE + BUSY + 8;
        List<RunReport.SceneLine> laned = report.scenes().size() <= MAX_SCENE_LANES ? report.scenes() : List.of();
        int height = scenesTop + Math.max(laned.size(), laned.size() == report.scenes().size() ? 0 : 1) * LANE + 8;
        StringBuilder svg = new StringBuilder();
        svg.append(f("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n", WIDTH, height, WIDTH, height));
        svg.append("<title>Timeline of the run: jobs queued and executing per scene, on the wall clock</title>\n");
        axis(svg, height);
        holdBands(svg, height);
        executions(svg, AXIS);
        workerLane(svg, AXIS + LANE);
        busyLane(svg, AXIS + 2 * LANE + 4);
        for (int i = 0; i < laned.size(); i++) {
            sceneLane(svg, laned.get(i), scenesTop + i * LANE, i);
        }
        if (laned.size() < report.scenes().size()) {
            svg.append(f("<text class=\"bar-label\" x=\"4\" y=\"%d\">%d scenes: more than %d, so no lane for each; the table below "
                    + "lists every one</text>\n", scenesTop + 13, report.scenes().size(), MAX_SCENE_LANES));
        }
        return svg.append("</svg>\n").toString();
    }

    private void axis(StringBuilder svg, int height) {
        long span = Duration.between(start, end).toSeconds();
        long step = TICKS[TICKS.length - 1];
        for (long candidate : TICKS) {
            if (span / candidate <= 10) {
                step = candidate;
                break;
            }
        }
        for (long at = 0; at <= span; at += step) {
            double x = x(start.plusSeconds(at));
            svg.append(f("<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, AXIS - 6, x, height - 4));
            if (at > 0) {
                // The start is named by the label on the left.
                svg.append(f("<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s</text>", x, AXIS - 10, elapsed(at)));
            }
            svg.append('\n');
        }
        svg.append(f("<text class=\"lane-label\" x=\"4\" y=\"%d\">%s</text>\n", AXIS - 10, Html.text("from " + Html.time(start))));
    }

    private void holdBands(StringBuilder svg, int height) {
        for (RunReport.Hold hold : report.holds()) {
            svg.append(f("<rect class=\"hold-band\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>\n", x(hold.from()), AXIS, width(hold.from(), hold.to()), height - AXIS - 4));
        }
    }

    private void executions(StringBuilder svg, int top) {
        label(svg, top, "runs (executions)", null);
        for (RunReport.Execution execution : report.executions()) {
            Instant to = execution.end() != null ? execution.end() : report.generatedAt();
            String title = f("execution %d: %s (%s), %s to %s", execution.id(), execution.status(), execution.exitCode(),
                    Html.time(execution.start()), execution.end() == null ? "still running" : Html.time(execution.end()));
            svg.append(f("<g class=\"execution %s\"><title>%s</title>", execution.status().name().toLowerCase(Locale.ROOT), Html.text(title)));
            svg.append(rect("run", execution.start(), to, top + 3, BAR));
            if (width(execution.start(), to) > 90) {
                svg.append(f("<text class=\"bar-label\" x=\"%.1f\" y=\"%d\">#%d %s</text>", x(execution.start()) + 3, top + 13,
                        execution.id(), Html.text(execution.status())));
            }
            svg.append("</g>\n");
        }
    }

    private void workerLane(StringBuilder svg, int top) {
        label(svg, top, "active worker held", null);
        for (RunReport.Hold hold : report.holds()) {
            String title = f("%d active worker(s) held by execution %d from %s to %s", hold.workers(), hold.executionId(),
                    Html.time(hold.from()), hold.released() ? Html.time(hold.to()) : Html.time(hold.to()) + " (never handed back)");
            svg.append(f("<g class=\"hold\"><title>%s</title>", Html.text(title)));
            svg.append(rect("held", hold.from(), hold.to(), top + 5, BAR - 4));
            double from = x(hold.from());
            svg.append(f("<path class=\"worker-enable\" d=\"M%.1f,%d l-5,-7 h10 z\"/>", from, top + 9));
            if (hold.released()) {
                double to = x(hold.to());
                svg.append(f("<path class=\"worker-handback\" d=\"M%.1f,%d l-5,7 h10 z\"/>", to, top + 9));
            }
            svg.append("</g>\n");
        }
    }

    /** Jobs executing at each moment (blue), against the workers the run held (dashed): were the GPUs busy? */
    private void busyLane(StringBuilder svg, int top) {
        TreeMap<Instant, Integer> executing = new TreeMap<>();
        TreeMap<Instant, Integer> held = new TreeMap<>();
        report.attempts().filter(attempt -> !attempt.live() && attempt.executionMs() != null).forEach(attempt -> {
            executing.merge(attempt.executingFrom(attempt.finishedAt()), 1, Integer::sum);
            executing.merge(attempt.finishedAt(), -1, Integer::sum);
        });
        report.holds().forEach(hold -> {
            held.merge(hold.from(), hold.workers(), Integer::sum);
            held.merge(hold.to(), -hold.workers(), Integer::sum);
        });
        int most = Math.max(1, Math.max(peak(executing), peak(held)));
        label(svg, top + BUSY / 2 - LANE / 2, f("jobs executing (max %d)", peak(executing)), null);
        svg.append(f("<rect class=\"busy-frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n", LABEL, top, PLOT, BUSY));
        svg.append(f("<path class=\"busy\" d=\"%s\"><title>jobs executing at once (from RunPod's queue and execution times)</title></path>\n", steps(executing, top + BUSY, (double) BUSY / most, true)));
        if (!held.isEmpty()) {
            svg.append(f("<path class=\"held-level\" d=\"%s\"><title>active workers held</title></path>\n", steps(held, top + BUSY, (double) BUSY / most, false)));
        }
    }

    private void sceneLane(StringBuilder svg, RunReport.SceneLine scene, int top, int index) {
        if (index % 2 == 1) {
            svg.append(f("<rect class=\"lane-alt\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>", top, WIDTH, LANE));
        }
        label(svg, top, scene.sceneId(), scene.status().name() + (scene.reused() ? ", reused from " + scene.reusedFrom() : ""));
        if (scene.attempts().isEmpty() && scene.reused()) {
            svg.append(f("<text class=\"bar-label\" x=\"%d\" y=\"%d\">reused an earlier video</text>", LABEL + 4, top + 13));
        }
        for (RunReport.Attempt attempt : scene.attempts()) {
            Instant to = attempt.live() ? end : attempt.finishedAt();
            Instant executingFrom = attempt.live() ? to : attempt.executingFrom(to);
            String kind = attempt.live() ? "live" : attempt.failed() ? "failed" : attempt.state() == SubmissionState.EXPIRED ? "expired" : "ok";
            svg.append(f("<g class=\"attempt %s\" data-scene=\"%s\" data-attempt=\"%d\"><title>%s</title>", kind,
                    Html.text(scene.sceneId()), attempt.number(), Html.text(describe(attempt))));
            svg.append(rect(attempt.live() ? "in-flight" : "queued", attempt.from(), executingFrom, top + 3, BAR));
            if (!attempt.live()) {
                svg.append(rect("executing", executingFrom, to, top + 3, BAR));
            }
            if (attempt.failed()) {
                double x = x(to);
                svg.append(f("<path class=\"fail-mark\" d=\"M%.1f,%d l6,6 m0,-6 l-6,6\"/>", x + 1, top + 6));
            }
            svg.append("</g>\n");
        }
    }

    private static String describe(RunReport.Attempt attempt) {
        String times = attempt.delayMs() == null && attempt.executionMs() == null ? "times not reported"
                : f("queued %s, executed %s (as RunPod reported)", Html.seconds(seconds(attempt.delayMs())),
                        Html.seconds(seconds(attempt.executionMs())));
        return f("%s, attempt %d: %s; %s; %s to %s%s", attempt.sceneId(), attempt.number(), attempt.state(), times,
                Html.time(attempt.from()), attempt.live() ? "(still on RunPod when the report was made)" : Html.time(attempt.finishedAt()),
                attempt.error() == null ? "" : "; " + attempt.error());
    }

    private static Double seconds(Long millis) {
        return millis == null ? null : millis / 1000.0;
    }

    private void label(StringBuilder svg, int top, String text, String detail) {
        String shown = text.length() > LABEL_CHARS ? text.substring(0, LABEL_CHARS - 1) + "…" : text;
        svg.append(f("<text class=\"lane-label\" x=\"4\" y=\"%d\"><title>%s</title>%s</text>\n", top + 13,
                Html.text(detail == null ? text : text + ": " + detail), Html.text(shown)));
    }

    private String rect(String kind, Instant from, Instant to, int y, int height) {
        return f("<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>", kind, x(from), y, width(from, to), height);
    }

    /** A step outline over the changes in {@code deltas}, from the axis start to its end. */
    private String steps(TreeMap<Instant, Integer> deltas, int baseline, double unit, boolean closed) {
        StringBuilder path = new StringBuilder(f("M%d,%d", LABEL, baseline));
        int level = 0;
        for (Map.Entry<Instant, Integer> change : deltas.entrySet()) {
            double x = x(change.getKey());
            path.append(f(" H%.1f", x));
            level += change.getValue();
            path.append(f(" V%.1f", baseline - Math.max(0, level) * unit));
        }
        path.append(f(" H%d", LABEL + PLOT));
        return closed ? path.append(f(" V%d Z", baseline)).toString() : path.toString();
    }

    private static int peak(TreeMap<Instant, Integer> deltas) {
        int level = 0;
        int peak = 0;
        for (int change : new ArrayList<>(deltas.values())) {
            level += change;
            peak = Math.max(peak, level);
        }
        return peak;
    }

    private double x(Instant at) {
        double total = Duration.between(start, end).toMillis();
        double offset = Duration.between(start, at).toMillis();
        return LABEL + PLOT * Math.max(0, Math.min(1, offset / total));
    }

    /** At least a pixel and a half, so that a short job still shows. */
    private double width(Instant from, Instant to) {
        return Math.max(1.5, x(to) - x(from));
    }

    /** Numbers in SVG are written the same in every locale. */
    private static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    private static String elapsed(long seconds) {
        return seconds < 3600 ? f("+%d:%02d", seconds / 60, seconds % 60) : f("+%d:%02d h", seconds / 3600, seconds % 3600 / 60);
    }
}
