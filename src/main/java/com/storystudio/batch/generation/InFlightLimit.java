package com.storystudio.batch.generation;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodException;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.runpod.WorkerSettings;

/**
 * How many scenes a run keeps in flight: what {@code --max-in-flight} asks for, or else twice the
 * endpoint's {@code workersMax}. Twice, so that every worker has the next scene queued behind the
 * one it is running and starts it the moment that one ends, instead of idling (and billing) until
 * the run notices the end and submits more. More than that only lengthens the queue a stop or a
 * kill leaves behind.
 */
public class InFlightLimit {

    static final int SCENES_PER_WORKER = 2;
    /** When the endpoint cannot be read (worker control off, or RunPod not answering). */
    public static final int WHEN_WORKERS_UNKNOWN = 4;

    private static final Logger log = LoggerFactory.getLogger(InFlightLimit.class);

    private final int requested;
    private final WorkerControl control;
    /** What the last {@link #resolve()} found: the run's workers, for its ETA. */
    private final AtomicInteger workers = new AtomicInteger(1);

    /** @param requested scenes in flight as asked for; 0 derives it from the endpoint */
    public InFlightLimit(int requested, WorkerControl control) {
        if (requested < 0) {
            throw new IllegalArgumentException("max-in-flight must be at least 1 (or 0 for the endpoint's default), was " + requested);
        }
        this.requested = requested;
        this.control = control;
    }

    /** Asks the endpoint, unless the limit was given: once per run. */
    public int resolve() {
        if (requested > 0) {
            workers.set(Math.max(1, requested / SCENES_PER_WORKER));
            return requested;
        }
        Optional<Integer> workersMax = workersMax();
        int limit = workersMax.map(workers -> SCENES_PER_WORKER * Math.max(workers, 1)).orElse(WHEN_WORKERS_UNKNOWN);
        workers.set(Math.max(1, workersMax.orElse(limit / SCENES_PER_WORKER)));
        log.info("Up to {} scene(s) in flight: {}", limit, workersMax
                .map(workers -> "%d per worker, the endpoint runs at most %d worker(s)".formatted(SCENES_PER_WORKER, workers))
                .orElse("the endpoint's workersMax is unknown; --max-in-flight sets it"));
        return limit;
    }

    /**
     * The workers the run counts on, as the last {@link #resolve()} found them: the endpoint's
     * {@code workersMax}, or half the scenes in flight when it was not read.
     */
    public int workers() {
        return workers.get();
    }

    private Optional<Integer> workersMax() {
        if (!control.isActive()) {
            return Optional.empty();
        }
        try {
            return control.read().map(WorkerSettings::workersMax);
        }
        catch (RunPodConfigurationException e) {
            throw e; // every later call would be refused as well
        }
        catch (RunPodException e) {
            log.warn("Could not read the endpoint's workersMax ({})", e.getMessage());
            return Optional.empty();
        }
    }
}
