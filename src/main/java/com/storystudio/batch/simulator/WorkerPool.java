package com.storystudio.batch.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The live workers and the ledger of what they cost. Every state change goes through here so that each
 * simulated nanosecond of a worker's life lands in exactly one billing bucket.
 */
final class WorkerPool {

    /** Warm workers first (no model load), then the one idle the longest. */
    private static final Comparator<Worker> DISPATCH_ORDER = Comparator
            .comparing((Worker w) -> !w.modelLoaded())
            .thenComparingLong(Worker::stateSince);

    private static final Comparator<Worker> RELEASE_ORDER = Comparator
            .comparing(Worker::modelLoaded)
            .thenComparingLong(Worker::stateSince);

    private final long startupNanos;
    private final List<Worker> workers = new ArrayList<>();
    private final Map<WorkerState, Long> closedNanos = new EnumMap<>(WorkerState.class);
    private int spawned;

    WorkerPool(long startupNanos) {
        this.startupNanos = startupNanos;
        for (WorkerState state : WorkerState.values()) {
            closedNanos.put(state, 0L);
        }
    }

    List<Worker> all() {
        return List.copyOf(workers);
    }

    int size() {
        return workers.size();
    }

    int count(WorkerState state) {
        return (int) workers.stream().filter(w -> w.state() == state).count();
    }

    void spawn(long at) {
        spawned++;
        workers.add(new Worker("sim-worker-" + spawned, at, at + startupNanos));
    }

    void becomeIdle(Worker worker, long at) {
        bill(worker.state(), worker.moveTo(WorkerState.IDLE, at, null));
    }

    void assign(Worker worker, Job job, long at) {
        bill(worker.state(), worker.moveTo(WorkerState.BUSY, at, job));
    }

    void release(Worker worker, long at) {
        bill(worker.state(), at - worker.stateSince());
        workers.remove(worker);
    }

    Optional<Worker> nextForDispatch() {
        return idle().min(DISPATCH_ORDER);
    }

    /** When the pool shrinks, keep the warm workers: release a cold one first, then the longest idle. */
    Optional<Worker> nextIdleToRelease() {
        return idle().min(RELEASE_ORDER);
    }

    /** The most recently spawned worker that is still starting: it has the least sunk cost. */
    Optional<Worker> newestInitializing() {
        return workers.stream().filter(w -> w.state() == WorkerState.INITIALIZING)
                .max(Comparator.comparingLong(Worker::readyAt));
    }

    /** Closed phases plus the open phase of every live worker, up to {@code now}. */
    BillingTotals billing(long now) {
        Map<WorkerState, Long> totals = new EnumMap<>(closedNanos);
        for (Worker worker : workers) {
            totals.merge(worker.state(), now - worker.stateSince(), Long::sum);
        }
        return new BillingTotals(totals.get(WorkerState.INITIALIZING), totals.get(WorkerState.BUSY),
                totals.get(WorkerState.IDLE));
    }

    private Stream<Worker> idle() {
        return workers.stream().filter(w -> w.state() == WorkerState.IDLE);
    }

    private void bill(WorkerState state, long nanos) {
        closedNanos.merge(state, nanos, Long::sum);
    }
}
