package com.storystudio.batch.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Simulated time that moves only when a test says so. */
final class ManualClock implements SimulationClock {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    public long elapsedNanos() {
        return nanos.get();
    }

    /** The same time as a {@link Clock} from the epoch, for code outside the simulator that a test runs on it. */
    Clock asClock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return Instant.EPOCH.plusNanos(elapsedNanos());
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
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
