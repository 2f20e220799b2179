package com.storystudio.batch.worker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.ownership.RunOwner;
import com.storystudio.batch.runpod.EndpointHealth;
import com.storystudio.batch.runpod.RetryCurfew;
import com.storystudio.batch.runpod.RunPodException;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.runpod.WorkerSettings;

/**
 * The run's tail: every scene is on RunPod and what is left is waiting for the last ones. From
 * then on a worker that runs out of work has none coming, yet with the run's idle timeout (300 s by
 * default) it would bill for minutes, and the active worker for as long as the run lasts. So the
 * endpoint goes back to its own {@code workersMin} with a short idle timeout: workers finish the
 * jobs they have (RunPod does not stop a busy worker) and leave soon after. When the run ends, the
 * idle timeout is put back only once those workers have gone, or the last of them would stay for
 * the full user value ({@link WorkerScaling#restore()} then puts the rest back).
 * <p>
 * Nothing is changed while another run shares the endpoint, or when the run changed nothing (the
 * endpoint kept active workers of its own).
 */
public class TailScaling {

    private static final Logger log = LoggerFactory.getLogger(TailScaling.class);

    private final WorkerControl control;
    private final WorkerBaselineStore baselines;
    private final WorkerLeases leases;
    private final RunPodJobs jobs;
    private final String endpointId;
    private final Duration tailIdleTimeout;
    private final Duration checkEvery;
    private final Clock clock;
    private final RetryCurfew curfew;
    /** One process runs one job: whether this run shortened the idle timeout. */
    private final AtomicBoolean shortened = new AtomicBoolean();

    public TailScaling(WorkerControl control, WorkerBaselineStore baselines, WorkerLeases leases, RunPodJobs jobs, String endpointId,
                       Duration tailIdleTimeout, Duration checkEvery, Clock clock, RetryCurfew curfew) {
        this.control = control;
        this.baselines = baselines;
        this.leases = leases;
        this.jobs = jobs;
        this.endpointId = endpointId;
        this.tailIdleTimeout = tailIdleTimeout;
        this.checkEvery = checkEvery;
        this.clock = clock;
        this.curfew = curfew;
    }

    /** Every scene of the run has been submitted. */
    public void everySceneSubmitted() {
        Optional<WorkerSettings> baseline = baselines.find(endpointId);
        if (!control.isActive() || tailIdleTimeout.isZero() || baseline.isEmpty()) {
            return;
        }
        List<RunOwner> sharing = leases.otherHolders(endpointId);
        if (!sharing.isEmpty()) {
            log.info("Every scene is submitted; endpoint {} keeps its workers for {} other run(s)", endpointId, sharing.size());
            return;
        }
        int idleSeconds = (int) Math.max(1, tailIdleTimeout.toSeconds());
        try {
            control.apply(new WorkerSettings(baseline.get().workersMin(), idleSeconds));
            shortened.set(true);
            log.info("Every scene is submitted: workersMin={} and idleTimeout={}s until the last ones finish, so that "
                    + "workers with nothing left to do stop billing", baseline.get().workersMin(), idleSeconds);
        }
        catch (RunPodException e) {
            log.warn("Could not shorten the idle timeout for the run's tail ({}); workers stay for the run's idle timeout", e.getMessage());
        }
    }

    /**
     * Before the user's idle timeout is put back: waits (at most twice the tail's idle timeout, and never
     * past the {@link RetryCurfew} of a stop) until the endpoint has no worker left, if this run
     * shortened it and no other run uses the endpoint.
     */
    public void settle() {
        if (!shortened.getAndSet(false) || !leases.otherHolders(endpointId).isEmpty()) {
            return;
        }
        Instant giveUpAt = clock.instant().plus(tailIdleTimeout.multipliedBy(2));
        // Waiting is a nicety; the restore after it is not: it gets the time a stop leaves.
        giveUpAt = curfew.deadline().filter(giveUpAt::isAfter).orElse(giveUpAt);
        try {
            while (clock.instant().isBefore(giveUpAt) && workersLeft()) {
                Thread.sleep(Math.max(1, checkEvery.toMillis()));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean workersLeft() {
        try {
            EndpointHealth health = jobs.health();
            return health.readyWorkers() + health.initializingWorkers() > 0;
        }
        catch (RunPodException e) {
            return false;
        }
    }
}
