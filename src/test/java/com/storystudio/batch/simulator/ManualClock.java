package com.storystudio.batch.simulator;

import java.time.Clock;
import java.time.Duration;

import com.storystudio.batch.testing.ManualTime;

/** Simulated time that moves only when a test says so. */
final class ManualClock implements SimulationClock {

    private final ManualTime time = new ManualTime();

    @Override
    public long elapsedNanos() {
        return time.elapsedNanos();
    }

    /** The same time as a {@link Clock}, for code outside the simulator that a test runs on it. */
    Clock asClock() {
        return time;
    }

    void advance(Duration duration) {
        time.advance(duration);
    }

    /** Moves to an absolute simulated time since start; never backwards. */
    void setSeconds(double seconds) {
        time.setElapsedNanos(Math.round(seconds * 1e9));
    }
}
