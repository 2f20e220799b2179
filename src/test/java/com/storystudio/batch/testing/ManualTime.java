package com.storystudio.batch.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import com.storystudio.batch.time.Sleeper;

/**
 * A clock that moves only when a test says so, starting at {@link #START}. As a {@link Sleeper}, a sleep
 * moves it forward by the time slept, at once: code that waits runs on it without waiting.
 */
public final class ManualTime extends Clock implements Sleeper {

    public static final Instant START = Instant.EPOCH;

    private final AtomicLong elapsedNanos = new AtomicLong();

    public long elapsedNanos() {
        return elapsedNanos.get();
    }

    public void advance(Duration duration) {
        elapsedNanos.addAndGet(duration.toNanos());
    }

    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    /** Moves to {@code nanos} after {@link #START}; never backwards. */
    public void setElapsedNanos(long nanos) {
        elapsedNanos.updateAndGet(current -> {
            if (nanos < current) {
                throw new IllegalArgumentException("a clock does not run backwards");
            }
            return nanos;
        });
    }

    @Override
    public Instant instant() {
        return START.plusNanos(elapsedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
