package com.storystudio.batch.testing;

import com.storystudio.batch.simulator.SimulationClock;

/**
 * An emulator's clock running {@code scale} times real time that a test can hold still: while it is paused no worker
 * starts and no job moves, so a run's jobs stay queued for as long as the test looks at them.
 */
public final class PausableClock implements SimulationClock {

    private final double scale;
    private final long start = System.nanoTime();
    private long pausedFor;
    private Long pausedAt;

    public PausableClock(double scale) {
        this.scale = scale;
    }

    @Override
    public synchronized long elapsedNanos() {
        long now = pausedAt != null ? pausedAt : System.nanoTime();
        return (long) ((now - start - pausedFor) * scale);
    }

    public synchronized void pause() {
        if (pausedAt == null) {
            pausedAt = System.nanoTime();
        }
    }

    public synchronized void resume() {
        if (pausedAt != null) {
            pausedFor += System.nanoTime() - pausedAt;
            pausedAt = null;
        }
    }
}
