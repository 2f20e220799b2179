package com.storystudio.batch.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * One account of how far a run is, said while it generates.
 *
 * @param finished   scenes with their video (in this run or an earlier one of the input)
 * @param eta        time still needed, once a scene finished in this run and a rate is known
 * @param gpuSeconds GPU time RunPod reported so far for the input's jobs
 * @param dollars    those seconds at the GPU price
 */
public record ProgressLine(int finished, int failed, int inFlight, int waiting, int total, Optional<Duration> eta, Instant now,
                           double gpuSeconds, double dollars) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** e.g. {@code Progress: 23/64 done, 1 failed, 8 in flight, 32 waiting; ETA 02:41 (about 18 min); GPU 1.20 h, about $2.27 so far} */
    public String text(ZoneId zone) {
        String when = finished + failed >= total ? "every scene ended"
                : eta.map(left -> "ETA %s (%s)".formatted(CLOCK.format(now.plus(left).atZone(zone)), about(left)))
                        .orElse("ETA once a scene has finished");
        return String.format(Locale.ROOT, "Progress: %d/%d done, %d failed, %d in flight, %d waiting; %s; GPU %s h, about $%.2f so far",
                finished, total, failed, inFlight, waiting, when, hours(gpuSeconds), dollars);
    }

    static String about(Duration left) {
        if (left.getSeconds() < 60) {
            return "under a minute";
        }
        long minutes = (left.getSeconds() + 30) / 60;
        if (minutes < 60) {
            return "about " + minutes + " min";
        }
        return String.format(Locale.ROOT, "about %d h %02d min", minutes / 60, minutes % 60);
    }

    private static String hours(double seconds) {
        double hours = seconds / 3600;
        return String.format(Locale.ROOT, hours < 10 ? "%.2f" : "%.1f", hours);
    }
}
