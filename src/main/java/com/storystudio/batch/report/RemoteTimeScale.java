package com.storystudio.batch.report;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How many of RunPod's reported seconds pass per wall-clock second, measured on the jobs themselves: RunPod reports
 * real seconds, the emulator its scaled ones (600 per second under {@code --simulate}), and the worker's hold is
 * measured on the wall clock. A job's wall-clock span also holds the polling delay, so the measure errs low.
 */
final class RemoteTimeScale {

    /** Below this the reported times are taken for real seconds: the polling delay alone makes RunPod's look a little short. */
    private static final double SCALED = 2;

    private RemoteTimeScale() {
    }

    /** The median over the jobs that ended with both times reported; 1 when none did, or when it is RunPod's own time. */
    static double of(List<RunReport.Attempt> attempts) {
        List<Double> ratios = attempts.stream()
                .filter(attempt -> attempt.finishedAt() != null && attempt.delayMs() != null && attempt.executionMs() != null)
                .map(attempt -> ratio(attempt.delayMs() + attempt.executionMs(), Duration.between(attempt.from(), attempt.finishedAt())))
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        if (ratios.isEmpty()) {
            return 1;
        }
        double median = ratios.get(ratios.size() / 2);
        return median < SCALED ? 1 : median;
    }

    private static Double ratio(long reportedMs, Duration wall) {
        return reportedMs <= 0 || wall.toMillis() <= 0 ? null : reportedMs / (double) wall.toMillis();
    }
}
