package com.storystudio.batch.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import com.storystudio.batch.runpod.EndpointHealth;
import com.storystudio.batch.runpod.RunPodException;
import com.storystudio.batch.runpod.RunPodJobs;

/**
 * Reports the endpoint's workers as they warm up, while scenes are generated. Generation does not
 * wait for this: jobs queue on RunPod anyway, and a cold start can take 10-15 minutes.
 */
public class WorkerReadinessReporter implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(WorkerReadinessReporter.class);

    private final RunPodJobs jobs;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private EndpointHealth last;
    private boolean unavailableReported;

    public WorkerReadinessReporter(RunPodJobs jobs, Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
    }

    @Override
    public synchronized void beforeStep(StepExecution stepExecution) {
        last = null;
        unavailableReported = false;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "worker-readiness");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution stepExecution) {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        return null;
    }

    private void check() {
        try {
            EndpointHealth health = jobs.health();
            if (last == null || health.readyWorkers() != last.readyWorkers() || health.initializingWorkers() != last.initializingWorkers()) {
                log.info("Workers: {} ready ({} busy), {} starting; jobs: {} queued, {} in progress", health.readyWorkers(),
                        health.runningWorkers(), health.initializingWorkers(), health.jobsInQueue(), health.jobsInProgress());
            }
            last = health;
        }
        catch (RunPodException e) {
            // Readiness is information only: /health may be missing on another endpoint implementation.
            if (!unavailableReported) {
                log.info("Worker readiness unavailable: {}", e.getMessage());
                unavailableReported = true;
            }
        }
    }
}
