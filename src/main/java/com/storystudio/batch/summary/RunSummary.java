package com.storystudio.batch.summary;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;


/**
 * The one-screen report printed at the end of every run.
 *
 * @param errors         what went wrong, printed to standard error before the summary (the input's problems,
 *                       or the causes of a failed run)
 * @param expired        jobs an earlier run left in flight whose result expired before it was collected
 * @param spending       the GPU time RunPod reported for the input's jobs over all its runs, and its price
 * @param workerRestored whether the endpoint's scaling is as it was before the run
 * @param notes          lines added by the configuration in use, label and text
 */
public record RunSummary(String headline, Path input, long jobInstanceId, Long jobExecutionId, int scenes, int withVideo,
                         int reused, List<FailedScene> failedScenes, long submissions, long possibleDuplicates, long expired, Spending spending, boolean workerRestored,
                         Path resultsCsv, Duration elapsed, List<Note> notes, List<String> errors) {

    private static final int FAILURES_SHOWN = 10;

    /** @param exitCode how the process ends, as {@code "3: the run finished but ..."}: the last line */
    public void print(PrintStream out, PrintStream err, String exitCode) {
        errors.forEach(err::println);
        out.println();
        out.println("StoryStudio: " + headline);
        line(out, "input", "%s (job instance %d%s)".formatted(input, jobInstanceId, jobExecutionId == null ? "" : ", execution " + jobExecutionId));
        line(out, "scenes", "%d total, %d with video%s, %d failed, %d not finished".formatted(scenes, withVideo,
                reused == 0 ? "" : " (%d reused from earlier runs)".formatted(reused), failedScenes.size(),
                Math.max(0, scenes - withVideo - failedScenes.size())));
        failedScenes.stream().limit(FAILURES_SHOWN)
                .forEach(failed -> line(out, "", "FAILED %s (%s): %s".formatted(failed.sceneId(), failed.where(), failed.error())));
        if (failedScenes.size() > FAILURES_SHOWN) {
            line(out, "", "... and %d more in the results CSV".formatted(failedScenes.size() - FAILURES_SHOWN));
        }
        line(out, "RunPod jobs", "%d submitted for this input over all its runs%s%s".formatted(submissions, expired == 0 ? ""
                : ", %d expired before their result was collected (may have been paid for)".formatted(expired), possibleDuplicates == 0 ? ""
                : ", %d possibly duplicated (a /run answer lost, or the process killed mid-call)".formatted(possibleDuplicates)));
        if (submissions > 0) {
            line(out, "GPU time", spending.describe());
        }
        line(out, "worker", workerRestored ? "endpoint scaling as it was before the run"
                : "NOT RESTORED: an active worker may still be running and billing; re-run the command or check the RunPod console");
        if (resultsCsv != null) {
            line(out, "results", resultsCsv.toString());
        }
        if (elapsed != null) {
            line(out, "took", "%.1f s".formatted(elapsed.toMillis() / 1000.0));
        }
        notes.forEach(note -> line(out, note.label(), note.text()));
        line(out, "exit code", exitCode);
    }

    private static void line(PrintStream out, String label, String text) {
        out.printf("  %-13s%s%n", label, text);
    }

    public record Note(String label, String text) {
    }

    /**
     * A scene that FAILED, named the way validation names a row.
     *
     * @param line the line of the input where its row starts; 0 when the input can no longer be read
     */
    public record FailedScene(String sceneId, int position, long line, String error) {

        String where() {
            return line > 0 ? "line " + line : "row " + position;
        }
    }

    /**
     * What the input's jobs cost so far: their execution time as RunPod reported it (what the GPU bills, failed
     * attempts included) at {@code pricePerHour}, and the time they waited in the queue.
     */
    public record Spending(double gpuSeconds, double queueSeconds, BigDecimal dollars, double pricePerHour) {

        String describe() {
            return "%.2f h of execution, about $%.2f at $%.2f/h (--runpod.gpu-price-per-hour); %.1f min in RunPod's queue"
                    .formatted(gpuSeconds / 3600, dollars, pricePerHour, queueSeconds / 60);
        }
    }
}
