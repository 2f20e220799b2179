package com.storystudio.batch.estimate;

import java.io.PrintStream;
import java.util.Locale;

/** The estimate as the command prints it: each figure with its range and where the figures it rests on come from. */
public final class EstimatePrinter {

    private EstimatePrinter() {
    }

    public static void print(Estimate estimate, PrintStream out) {
        out.printf("StoryStudio estimate for %s (nothing was changed or submitted)%n", estimate.input());
        out.printf("  scenes      %d to generate, of %d; %d reuse a video this endpoint already made%n", estimate.toGenerate(),
                estimate.scenes(), estimate.reused());
        out.printf(Locale.ROOT, "  audio       %.1f s in all%s%n", estimate.audioSeconds(), estimate.unknownAudio() == 0 ? ""
                : String.format(Locale.ROOT, "; %d scene(s) of unknown length counted as %.1f s each, the average of the others",
                        estimate.unknownAudio(), estimate.averageAudio()));
        out.printf("  workers     %d at once: %s%n", estimate.workerCount(), estimate.workers().source());
        for (PairRate pair : estimate.rates()) {
            Span rate = pair.perAudioSecond();
            out.printf(Locale.ROOT, "  GPU rate    %s, %d steps (%d scene(s)): %.1f GPU s per audio second (%.1f to %.1f), %s%n",
                    pair.resolution().value(), pair.sampleSteps(), pair.scenes(), rate.expected(), rate.low(), rate.high(), pair.source());
        }
        if (estimate.toGenerate() > 0) {
            Span load = estimate.modelLoad().value();
            out.printf("  cold start  %s worker start, %s; %s model load (%s to %s), %s%n", duration(estimate.workerStart().value().expected()),
                    estimate.workerStart().source(), duration(load.expected()), duration(load.low()), duration(load.high()),
                    estimate.modelLoad().source());
        }
        Span gpu = estimate.gpuSeconds().times(1 / 3600.0);
        out.printf(Locale.ROOT, "  GPU time    %.2f h (%.2f to %.2f h), the model load of each worker included%n",
                gpu.expected(), gpu.low(), gpu.high());
        Span cost = estimate.costDollars();
        out.printf(Locale.ROOT, "  cost        $%.2f ($%.2f to $%.2f) at $%.2f per GPU hour (--runpod.gpu-price-per-hour)%n",
                cost.expected(), cost.low(), cost.high(), estimate.gpuPricePerHour());
        Span makespan = estimate.makespanSeconds();
        out.printf("  makespan    %s (%s to %s) on %d worker(s), longest scenes first, after one cold start%n",
                duration(makespan.expected()), duration(makespan.low()), duration(makespan.high()), estimate.workerCount());
    }

    /** {@code 45 s}, {@code 52 min}, {@code 3.4 h}: as precise as a plan needs. */
    static String duration(double seconds) {
        if (seconds < 90) {
            return Math.round(seconds) + " s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }
}
