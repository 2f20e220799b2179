package com.storystudio.batch.time;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How a class that waits for something waits. Injected next to its {@link java.time.Clock}, so that a
 * test can run it on a manual clock that a sleep moves forward, instead of real time.
 */
@FunctionalInterface
public interface Sleeper {

    /** The thread really sleeps. */
    Sleeper REAL = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
