package com.storystudio.batch.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Simulated time that moves only when a test says so. */
final class ManualClock implements SimulationClock {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long elapsedNanos() {
        return nanos.get();
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Moves to an absolute simulated time since start; never backwards. */
    void setSeconds(double seconds) {
        long target = Math.round(seconds * 1e9);
        nanos.updateAndGet(current -> {
            if (target < current) {
                throw new IllegalArgumentException("a clock does not run backwards");
            }
            return target;
        });
    }
}
