package com.storystudio.batch.benchmark;

import java.time.Duration;
import java.time.Instant;

import com.storystudio.batch.simulator.RunPodSimulator;

/**
 * Converts the application's wall-clock instants (ledger and result timestamps) into the emulator's
 * simulated time: {@code simulated = simulatedAnchor + (real - realAnchor) * scale}.
 */
public record ClockMapping(Instant realAnchor, Instant simulatedAnchor, double scale) {

    /** Reads both clocks at (almost) the same moment; the real reading is the midpoint of two around it. */
    public static ClockMapping of(RunPodSimulator emulator, double scale) {
        Instant before = Instant.now();
        Instant simulated = emulator.simulatedNow();
        Instant after = Instant.now();
        Instant real = before.plusNanos(Duration.between(before, after).toNanos() / 2);
        return new ClockMapping(real, simulated, scale);
    }

    public Instant toSimulated(Instant real) {
        long realNanos = Duration.between(realAnchor, real).toNanos();
        return simulatedAnchor.plusNanos(Math.round(realNanos * scale));
    }
}
