package com.storystudio.batch.simulator;

import java.util.function.LongSupplier;

/** Real monotonic time since construction, multiplied by the time scale. */
final class ScaledClock implements SimulationClock {

    private final double timeScale;
    private final LongSupplier realNanos;
    private final long startRealNanos;

    ScaledClock(double timeScale) {
        this(timeScale, System::nanoTime);
    }

    ScaledClock(double timeScale, LongSupplier realNanos) {
        this.timeScale = timeScale;
        this.realNanos = realNanos;
        this.startRealNanos = realNanos.getAsLong();
    }

    @Override
    public long elapsedNanos() {
        return (long) ((realNanos.getAsLong() - startRealNanos) * timeScale);
    }
}
