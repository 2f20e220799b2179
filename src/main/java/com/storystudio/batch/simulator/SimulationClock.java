package com.storystudio.batch.simulator;

/**
 * Simulated time elapsed since the simulator started, in nanoseconds. Integer nanoseconds keep the billing
 * sums exact; the model only ever asks this clock for "now" and never sleeps, so tests can drive it by hand,
 * and run a client on the same hand-driven time.
 */
@FunctionalInterface
public interface SimulationClock {

    /** Must never decrease. */
    long elapsedNanos();
}
