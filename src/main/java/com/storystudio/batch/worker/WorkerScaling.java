package com.storystudio.batch.worker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.ownership.RunOwner;
import com.storystudio.batch.runpod.RunPodException;
import com.storystudio.batch.runpod.RunPodUnavailableException;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.runpod.WorkerSettings;

/**
 * Keeps one active worker warm for the run and puts the endpoint back afterwards. The value to put
 * back is the one from before the first change, kept in {@link WorkerBaselineStore} until restored:
 * reading the endpoint again after a crash would only see our own change. Runs sharing the
 * endpoint hold {@link WorkerLeases}: only the last live one to finish puts the endpoint back.
 */
public class WorkerScaling {

    private static final Logger log = LoggerFactory.getLogger(WorkerScaling.class);

    private final WorkerControl control;
    private final WorkerBaselineStore baselines;
    private final WorkerLeases leases;
    private final String endpointId;
    private final Duration idleTimeout;
    private final int restoreAttempts;
    private final Duration restoreRetryDelay;

    public WorkerScaling(WorkerControl control, WorkerBaselineStore baselines, WorkerLeases leases, String endpointId,
                         Duration idleTimeout, int restoreAttempts, Duration restoreRetryDelay) {
        this.control = control;
        this.baselines = baselines;
        this.leases = leases;
        this.endpointId = endpointId;
        this.idleTimeout = idleTimeout;
        this.restoreAttempts = restoreAttempts;
        this.restoreRetryDelay = restoreRetryDelay;
    }

    /** Never fails the run: without an active worker, flex workers still serve the queue. */
    public void enable() {
        if (!control.isActive()) {
            log.info("Worker control is off: the endpoint's scaling is left as it is");
            return;
        }
        // The lease comes first: a run leaving at this moment then sees this one and leaves the worker on.
        leases.acquire(endpointId);
        Optional<WorkerSettings> unrestored = baselines.find(endpointId);
        if (unrestored.isPresent()) {
            List<RunOwner> sharing = leases.otherHolders(endpointId);
            if (sharing.isEmpty()) {
                log.warn("An earlier run left endpoint {} scaled up; it will be restored to workersMin={} at the end of this run",
                        endpointId, unrestored.get().workersMin());
            }
            else {
                log.info("Endpoint {} is scaled up by {} other run(s) ({}); sharing its active worker", endpointId, sharing.size(),
                        sharing.stream().map(RunOwner::describe).toList());
            }
        }
        else {
            WorkerSettings before = readCurrent();
            if (before.workersMin() >= 1) {
                log.info("Endpoint {} already keeps {} active worker(s): leaving its scaling alone", endpointId, before.workersMin());
                return;
            }
            baselines.save(endpointId, before);
        }
        int idleSeconds = Math.toIntExact(idleTimeout.toSeconds());
        try {
            WorkerSettings now = control.apply(new WorkerSettings(1, idleSeconds));
            log.info("Active worker enabled via {}: workersMin={} idleTimeout={}s", control.describe(),
                    Objects.requireNonNullElse(now.workersMin(), 1), Objects.requireNonNullElse(now.idleTimeoutSeconds(), idleSeconds));
        }
        catch (RunPodUnavailableException e) {
            // The change may have been applied before the connection broke: keep the baseline to restore.
            log.warn("Could not enable the active worker ({}); going on: flex workers still serve the queue", e.getMessage());
        }
        catch (RunPodException e) {
            // Refused outright, so nothing changed: there is nothing to restore either.
            if (unrestored.isEmpty()) {
                baselines.delete(endpointId);
            }
            log.warn("Could not enable the active worker ({}); going on: flex workers still serve the queue", e.getMessage());
        }
    }

    /**
     * This run no longer needs the worker: drops its lease and, if no other live run holds one, puts
     * back the scaling from before the runs (see {@link #restoreBaseline()}).
     *
     * @return whether anything had to be restored
     */
    public boolean restore() {
        if (!control.isActive()) {
            return false;
        }
        leases.release(endpointId);
        List<RunOwner> sharing = leases.otherHolders(endpointId);
        if (!sharing.isEmpty()) {
            log.info("Leaving endpoint {}'s active worker on: {} other run(s) still use it ({}); the last one to finish restores it",
                    endpointId, sharing.size(), sharing.stream().map(RunOwner::describe).toList());
            return false;
        }
        return restoreBaseline();
    }

    /**
     * Puts back the scaling from before a run changed it, whoever still holds a lease: the operator's
     * safety switch. Retried; if it still fails the baseline is kept (so the next launch restores
     * it) and {@link WorkerRestoreException} is thrown.
     *
     * @return whether anything had to be restored
     */
    public boolean restoreBaseline() {
        Optional<WorkerSettings> baseline = baselines.find(endpointId);
        if (baseline.isEmpty() || !control.isActive()) {
            return false;
        }
        WorkerSettings target = baseline.get();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= restoreAttempts; attempt++) {
            try {
                WorkerSettings now = control.apply(target);
                if (now.workersMin() != null && now.workersMin().intValue() != target.workersMin().intValue()) {
                    throw new RunPodException("RunPod reports workersMin=%d after setting it to %d".formatted(now.workersMin(), target.workersMin()));
                }
                baselines.delete(endpointId);
                log.info("Active worker restored via {}: workersMin={}{}", control.describe(), target.workersMin(),
                        target.idleTimeoutSeconds() == null ? "" : " idleTimeout=" + target.idleTimeoutSeconds() + "s");
                return true;
            }
            catch (RunPodException e) {
                last = e;
                log.warn("Restoring endpoint {} to workersMin={} failed (attempt {} of {}): {}", endpointId, target.workersMin(),
                        attempt, restoreAttempts, e.getMessage());
                if (attempt < restoreAttempts && !pause(restoreRetryDelay.multipliedBy(1L << (attempt - 1)))) {
                    break;
                }
            }
        }
        throw new WorkerRestoreException(("Could not restore endpoint %s to workersMin=%d: an active worker may still be running and "
                + "billing (about $1.89/h on an A100). Re-run the same command to retry the restore, or set workersMin "
                + "back in the RunPod console.").formatted(endpointId, target.workersMin()), last);
    }

    /** Whether a change of ours is still waiting to be undone, with no live run left to undo it. */
    public boolean restorePending() {
        return control.isActive() && baselines.find(endpointId).isPresent() && leases.otherHolders(endpointId).isEmpty();
    }

    /** Live runs holding a lease on the endpoint, other than this one. */
    public List<RunOwner> sharingRuns() {
        return leases.otherHolders(endpointId);
    }

    public String endpointId() {
        return endpointId;
    }

    private WorkerSettings readCurrent() {
        try {
            Optional<WorkerSettings> current = control.read();
            if (current.isPresent() && current.get().workersMin() != null) {
                return current.get();
            }
            log.warn("{} does not report the endpoint's workersMin; assuming 0, which is what will be restored "
                    + "(its idle timeout stays at {}s afterwards)", control.describe(), idleTimeout.toSeconds());
        }
        catch (RunPodException e) {
            log.warn("Could not read endpoint {}'s scaling ({}); assuming workersMin=0, which is what will be restored "
                    + "(its idle timeout stays at {}s afterwards)", endpointId, e.getMessage(), idleTimeout.toSeconds());
        }
        return new WorkerSettings(0, null);
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
