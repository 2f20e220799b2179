package com.storystudio.batch.worker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.ownership.RunOwner;
import com.storystudio.batch.runpod.RetryCurfew;
import com.storystudio.batch.runpod.RunPodConfigurationException;
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
    /** Reads of the endpoint's scaling before the run gives up keeping an active worker. */
    private static final int READ_ATTEMPTS = 3;

    private final WorkerControl control;
    private final WorkerBaselineStore baselines;
    private final WorkerLeases leases;
    private final String endpointId;
    private final Duration idleTimeout;
    private final int restoreAttempts;
    private final Duration restoreRetryDelay;
    private final RetryCurfew curfew;
    /** Whether this process knows of a change on the endpoint that it is to put back (see {@link #mayLeaveChange()}). */
    private final AtomicBoolean changeOutstanding = new AtomicBoolean();

    public WorkerScaling(WorkerControl control, WorkerBaselineStore baselines, WorkerLeases leases, String endpointId,
                         Duration idleTimeout, int restoreAttempts, Duration restoreRetryDelay, RetryCurfew curfew) {
        this.control = control;
        this.baselines = baselines;
        this.leases = leases;
        this.endpointId = endpointId;
        this.idleTimeout = idleTimeout;
        this.restoreAttempts = restoreAttempts;
        this.restoreRetryDelay = restoreRetryDelay;
        this.curfew = curfew;
    }

    /**
     * Keeps one active worker for the run. Fails the run only on a refused key
     * ({@link RunPodConfigurationException}, after leaving nothing behind): otherwise, without an
     * active worker, flex workers still serve the queue.
     *
     * @return whether the run now keeps an active worker it asked for (alone or shared with other runs): one
     *         billed while it waits
     */
    public boolean enable() {
        if (!control.isActive()) {
            log.info("Worker control is off: the endpoint's scaling is left as it is");
            return false;
        }
        // The lease comes first: a run leaving at this moment then sees this one and leaves the worker on.
        leases.acquire(endpointId);
        Optional<WorkerSettings> unrestored = baselines.find(endpointId);
        if (unrestored.isPresent()) {
            changeOutstanding.set(true);
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
            Optional<WorkerSettings> before = readCurrent();
            if (before.isEmpty()) {
                // Restoring a guess could overwrite the owner's own setting: better no active worker at all.
                log.warn("Could not read endpoint {}'s scaling: leaving it alone for this run (no active worker; flex workers "
                        + "still serve the queue, and nothing will need restoring)", endpointId);
                return false;
            }
            if (before.get().workersMin() >= 1) {
                log.info("Endpoint {} already keeps {} active worker(s): leaving its scaling alone", endpointId, before.get().workersMin());
                return false;
            }
            baselines.save(endpointId, before.get());
            changeOutstanding.set(true);
        }
        return applyActiveWorker(unrestored.isEmpty());
    }

    /** @return whether RunPod confirmed the active worker */
    private boolean applyActiveWorker(boolean baselineSavedNow) {
        int idleSeconds = Math.toIntExact(idleTimeout.toSeconds());
        try {
            WorkerSettings now = control.apply(new WorkerSettings(1, idleSeconds));
            log.info("Active worker enabled via {}: workersMin={} idleTimeout={}s", control.describe(),
                    Objects.requireNonNullElse(now.workersMin(), 1), Objects.requireNonNullElse(now.idleTimeoutSeconds(), idleSeconds));
            return true;
        }
        catch (RunPodConfigurationException e) {
            forgetBaselineIf(baselineSavedNow);
            throw e;
        }
        catch (RunPodUnavailableException e) {
            if (e.unansweredAttempts() > 0) {
                // An attempt may have been applied before its connection broke: keep the baseline to restore.
                log.warn("Could not enable the active worker ({}); going on: flex workers still serve the queue", e.getMessage());
                return false;
            }
            // No attempt reached RunPod's handling (refused connections, 5xx answers): nothing changed.
            forgetBaselineIf(baselineSavedNow);
            log.warn("Could not enable the active worker ({}); nothing was changed; going on: flex workers still serve the queue",
                    e.getMessage());
            return false;
        }
        catch (RunPodException e) {
            // Refused outright, so nothing changed: there is nothing to restore either.
            forgetBaselineIf(baselineSavedNow);
            log.warn("Could not enable the active worker ({}); going on: flex workers still serve the queue", e.getMessage());
            return false;
        }
    }

    /** A baseline an earlier run left stays: its change is still on the endpoint, whatever this run did. */
    private void forgetBaselineIf(boolean baselineSavedNow) {
        if (baselineSavedNow) {
            baselines.delete(endpointId);
            changeOutstanding.set(false);
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
            changeOutstanding.set(false);
            log.info("Leaving endpoint {}'s active worker on: {} other run(s) still use it ({}); the last one to finish restores it",
                    endpointId, sharing.size(), sharing.stream().map(RunOwner::describe).toList());
            return false;
        }
        return restoreBaseline();
    }

    /**
     * Puts back the scaling from before a run changed it, whoever still holds a lease: the operator's
     * safety switch. Retried, while the {@link RetryCurfew} leaves time (a refused key is not); if it
     * still fails the baseline is kept (so the next launch restores it) and {@link WorkerRestoreException} is thrown.
     *
     * @return whether anything had to be restored
     */
    public boolean restoreBaseline() {
        Optional<WorkerSettings> baseline = baselines.find(endpointId);
        if (baseline.isEmpty() || !control.isActive()) {
            changeOutstanding.set(false);
            return false;
        }
        WorkerSettings target = baseline.get();
        RuntimeException last = null;
        int attempt = 0;
        boolean outOfTime = false;
        while (attempt < restoreAttempts) {
            if (!timeLeft()) {
                outOfTime = true;
                break;
            }
            attempt++;
            try {
                WorkerSettings now = control.apply(target);
                if (now.workersMin() != null && now.workersMin().intValue() != target.workersMin().intValue()) {
                    throw new RunPodException("RunPod reports workersMin=%d after setting it to %d".formatted(now.workersMin(), target.workersMin()));
                }
                baselines.delete(endpointId);
                changeOutstanding.set(false);
                log.info("Active worker restored via {}: workersMin={}{}", control.describe(), target.workersMin(),
                        target.idleTimeoutSeconds() == null ? "" : " idleTimeout=" + target.idleTimeoutSeconds() + "s");
                return true;
            }
            catch (RunPodException e) {
                last = e;
                log.warn("Restoring endpoint {} to workersMin={} failed (attempt {} of {}): {}", endpointId, target.workersMin(),
                        attempt, restoreAttempts, e.getMessage());
                Duration delay = restoreRetryDelay.multipliedBy(1L << (attempt - 1));
                // A refused key stays refused; a wait past the curfew would outlast the stop.
                outOfTime = attempt < restoreAttempts && curfew.forbids(delay);
                if (e instanceof RunPodConfigurationException || outOfTime || (attempt < restoreAttempts && !pause(delay))) {
                    break;
                }
            }
        }
        String cutShort = outOfTime ? " The stop timeout left time for %d of %d attempt(s).".formatted(attempt, restoreAttempts) : "";
        throw new WorkerRestoreException(("Could not restore endpoint %s to workersMin=%d: an active worker may still be running and "
                + "billing (about $1.89/h on an A100).%s Re-run the same command or run --restore-worker to retry the restore, or "
                + "set workersMin back in the RunPod console.").formatted(endpointId, target.workersMin(), cutShort), last);
    }

    /** Whether a change of ours is still waiting to be undone, with no live run left to undo it. */
    public boolean restorePending() {
        return control.isActive() && baselines.find(endpointId).isPresent() && leases.otherHolders(endpointId).isEmpty();
    }

    /**
     * Whether, as far as this process knows, a change on the endpoint that it is to put back is still
     * in place. Answered from memory, without the database or RunPod: for a process that must end now.
     */
    public boolean mayLeaveChange() {
        return changeOutstanding.get();
    }

    /** Live runs holding a lease on the endpoint, other than this one. */
    public List<RunOwner> sharingRuns() {
        return leases.otherHolders(endpointId);
    }

    public String endpointId() {
        return endpointId;
    }

    /** The endpoint's scaling as RunPod reports it, read again a few times; empty when it cannot be had. */
    private Optional<WorkerSettings> readCurrent() {
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<WorkerSettings> current = control.read();
                if (current.isPresent() && current.get().workersMin() != null) {
                    return current;
                }
                log.warn("{} did not report endpoint {}'s workersMin (read {} of {})", control.describe(), endpointId, attempt,
                        READ_ATTEMPTS);
            }
            catch (RunPodConfigurationException e) {
                throw e;
            }
            catch (RunPodException e) {
                log.warn("Could not read endpoint {}'s scaling (read {} of {}): {}", endpointId, attempt, READ_ATTEMPTS, e.getMessage());
            }
            if (attempt >= READ_ATTEMPTS || curfew.forbids(restoreRetryDelay) || !pause(restoreRetryDelay)) {
                return Optional.empty();
            }
        }
    }

    /** Whether the curfew (set by a stop) leaves time for another call; always, when none is set. */
    private boolean timeLeft() {
        return curfew.remaining().map(left -> !left.isZero() && !left.isNegative()).orElse(true);
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
