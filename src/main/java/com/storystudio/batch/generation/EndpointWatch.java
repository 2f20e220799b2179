package com.storystudio.batch.generation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.runpod.EndpointHealth;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodException;
import com.storystudio.batch.runpod.RunPodJobs;

/**
 * Learns from one {@code /health} call how many of the run's jobs have ended, whatever their number:
 * RunPod counts the endpoint's jobs still queued or running, so when that count is below the number
 * of jobs the run is waiting for, that many of them have ended. The window then asks about those it
 * thinks most likely done, instead of asking about every job every poll interval.
 * <p>
 * The count covers every client of the endpoint. A count above ours means other jobs are there (a
 * second run, another tool, a lost {@code /run} answer) and may hide ours ending: then the count says
 * nothing, and {@link #counting()} tells the window to fall back to polling each running job.
 * <p>
 * Checked twice per poll interval, so that a job's end is noticed well within one interval. The
 * workers' readiness is logged as it changes: a cold start can take 10-15 minutes.
 */
final class EndpointWatch {

    private static final Logger log = LoggerFactory.getLogger(EndpointWatch.class);

    private final RunPodJobs jobs;
    private final Duration interval;
    private final Clock clock;
    private Instant dueAt;
    private boolean counting;
    private EndpointHealth last;

    EndpointWatch(RunPodJobs jobs, Duration pollInterval, Clock clock) {
        this.jobs = jobs;
        this.interval = pollInterval.dividedBy(2);
        this.clock = clock;
        this.dueAt = clock.instant();
    }

    Instant dueAt() {
        return dueAt;
    }

    /** Whether the last count could tell when one of ours ended. */
    boolean counting() {
        return counting;
    }

    /**
     * How many of the {@code waitingFor} jobs the run waits on RunPod no longer has queued or running;
     * empty when the count cannot tell (others' jobs, or no answer). Schedules the next check.
     */
    OptionalInt ended(int waitingFor) {
        dueAt = clock.instant().plus(interval);
        if (waitingFor == 0) {
            return OptionalInt.of(0);
        }
        EndpointHealth health;
        try {
            health = jobs.health();
        }
        catch (RunPodConfigurationException e) {
            throw e; // a refused key is the run's end, not a missing count
        }
        catch (RunPodException e) {
            log.debug("No /health reading ({}); polling each job instead", e.getMessage());
            counting = false;
            return OptionalInt.empty();
        }
        report(health);
        int unfinished = health.jobsInQueue() + health.jobsInProgress();
        counting = unfinished <= waitingFor;
        return counting ? OptionalInt.of(waitingFor - unfinished) : OptionalInt.empty();
    }

    private void report(EndpointHealth health) {
        if (last == null || health.readyWorkers() != last.readyWorkers() || health.initializingWorkers() != last.initializingWorkers()) {
            log.info("Workers: {} ready ({} busy), {} starting; jobs: {} queued, {} in progress", health.readyWorkers(),
                    health.runningWorkers(), health.initializingWorkers(), health.jobsInQueue(), health.jobsInProgress());
        }
        last = health;
    }
}
