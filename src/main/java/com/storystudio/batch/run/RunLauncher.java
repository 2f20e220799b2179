package com.storystudio.batch.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.storystudio.batch.download.MissingVideos;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.RunResultsCsv;
import com.storystudio.batch.job.StopRequest;
import com.storystudio.batch.job.StoryStudioJobConfiguration;
import com.storystudio.batch.logging.LogFields;
import com.storystudio.batch.ownership.RunInProgressException;
import com.storystudio.batch.ownership.RunOwnership;
import com.storystudio.batch.report.ReportPublisher;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodUnavailableException;
import com.storystudio.batch.worker.WorkerRestoreException;
import com.storystudio.batch.worker.WorkerScaling;

/**
 * The life of one launch for an input: claim the input, recover an execution whose process died,
 * start or continue the job (with SIGTERM and Ctrl-C asking it to stop), release the input. A
 * completed input is not run again: its results file is refreshed and it is reported as done.
 */
@Component
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final RunOwnership ownership;
    private final RunHistory history;
    private final RunResultsCsv resultsCsv;
    private final ReportPublisher report;
    private final StopRequest stop;
    private final EndpointPreflight preflight;
    private final WorkerScaling scaling;
    private final MissingVideos missingVideos;
    private final OrphanRecovery recovery;

    public RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job job, RunOwnership ownership, RunHistory history,
                       RunResultsCsv resultsCsv, ReportPublisher report, StopRequest stop, EndpointPreflight preflight,
                       WorkerScaling scaling, MissingVideos missingVideos, OrphanRecovery recovery) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.ownership = ownership;
        this.history = history;
        this.resultsCsv = resultsCsv;
        this.missingVideos = missingVideos;
        this.report = report;
        this.stop = stop;
        this.preflight = preflight;
        this.scaling = scaling;
        this.recovery = recovery;
    }

    public RunEnd launch(RunParameters run) throws Exception {
        // Claimed before the job is touched, released after it ended: an execution of this input that
        // is still "running" while we hold the claim belongs to a process that died.
        try {
            ownership.claim(run.claimKey(), run.input().toString());
        }
        catch (RunInProgressException e) {
            return new RunEnd.NotStarted(RunEnd.Reason.RUNNING_ELSEWHERE,
                    e.getMessage() + "; nothing was done. Stop that process first, or wait for it.");
        }
        try {
            return LogFields.with(Map.of(LogFields.INPUT, run.input().toString()), () -> startOrContinue(run));
        }
        finally {
            ownership.unclaim();
        }
    }

    private RunEnd startOrContinue(RunParameters asked) throws Exception {
        RunParameters run = current(asked);
        JobInstance existing = jobRepository.getJobInstance(StoryStudioJobConfiguration.JOB_NAME, run.toJobParameters());
        JobExecution last = existing == null ? null : jobRepository.getLastJobExecution(existing);
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            // Only here is the history read: it loads every earlier run of the job.
            List<RunHistory.PastRun> past = history.of(run);
            RunHistory.PastRun newest = RunHistory.latestCompleted(past).orElseThrow();
            return alreadyDone(run, newest.instance(), newest.lastExecution(), RunHistory.unfinishedRegeneration(past).isPresent());
        }
        if (last != null && OrphanRecovery.isOrphaned(last)) {
            recovery.recover(run.input().toString(), last, "the next launch");
            log.info("Continuing the recovered run of {}", run.input());
        }
        else if (last != null) {
            log.info("Continuing the earlier run of {} (job instance {}, last execution {} ended {})", run.input(),
                    existing.getInstanceId(), last.getId(), last.getStatus());
        }
        // Signals first: a stop during the preflight is as graceful as one during the job.
        try (StopSignals signals = StopSignals.install(stop, scaling::mayLeaveChange)) {
            Optional<RunEnd> refused = preflight();
            if (refused.isPresent()) {
                return refused.get();
            }
            if (stop.isRequested()) {
                return new RunEnd.NotStarted(RunEnd.Reason.STOPPED, "stopped before the run started; nothing was submitted");
            }
            return new RunEnd.Ran(jobOperator.start(job, run.toJobParameters()));
        }
        catch (JobExecutionAlreadyRunningException e) {
            return new RunEnd.NotStarted(RunEnd.Reason.RUNNING_ELSEWHERE,
                    "a run of %s is already in progress; not starting another.".formatted(run.input()));
        }
        catch (JobRestartException e) {
            // e.g. a step left UNKNOWN by a failed rollback: Spring Batch will not guess, nor will we.
            return new RunEnd.NotStarted(RunEnd.Reason.NOT_RESTARTABLE,
                    "the earlier run of %s cannot be restarted: %s".formatted(run.input(), e.getMessage()));
        }
        catch (JobInstanceAlreadyCompleteException e) {
            JobInstance instance = jobRepository.getJobInstance(StoryStudioJobConfiguration.JOB_NAME, run.toJobParameters());
            return alreadyDone(run, instance, jobRepository.getLastJobExecution(instance), false);
        }
    }

    /**
     * The run to start or continue: Spring Batch restarts no ABANDONED instance, so after {@code abandon} the storyboard
     * goes on as a new instance that replaces it (and reuses the videos it made, as any run of the same content would).
     */
    private RunParameters current(RunParameters run) {
        JobInstance instance = jobRepository.getJobInstance(StoryStudioJobConfiguration.JOB_NAME, run.toJobParameters());
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last == null || last.getStatus() != BatchStatus.ABANDONED) {
            return run;
        }
        log.info("The run of {} (job instance {}) was abandoned; starting it over as a new run", run.input(), instance.getInstanceId());
        return current(run.replacing(instance.getInstanceId()));
    }

    /** Why the run cannot start against this endpoint, if it cannot: nothing has been changed or submitted yet. */
    private Optional<RunEnd> preflight() {
        try {
            preflight.check();
            return Optional.empty();
        }
        catch (RunPodConfigurationException e) {
            return Optional.of(new RunEnd.NotStarted(RunEnd.Reason.MISCONFIGURED, e.getMessage() + "; nothing was changed or submitted"));
        }
        catch (RunPodUnavailableException e) {
            return Optional.of(new RunEnd.NotStarted(stop.isRequested() ? RunEnd.Reason.STOPPED : RunEnd.Reason.UNREACHABLE,
                    "RunPod did not answer (%s); nothing was changed or submitted. Run the same command again once it answers"
                            .formatted(e.getMessage())));
        }
    }

    /** Like the results CSV: the report of a launch that found nothing to do is the done run's, refreshed. */
    private void refreshReport(RunParameters run, JobInstance instance) {
        try {
            log.info("Report: {}", report.publish(instance, null, run.outputDir(), run.input()));
        }
        catch (RuntimeException e) {
            log.warn("Could not write the report of {} into {}: {}", run.input(), run.outputDir(), e.toString(), e);
        }
    }

    private RunEnd alreadyDone(RunParameters run, JobInstance instance, JobExecution last, boolean regenerationUnfinished) {
        if (run.download()) {
            // The job does not run again, so the videos it has not put on disk are fetched here.
            missingVideos.fetch(instance.getInstanceId(), run.outputDir());
        }
        resultsCsv.publish(run, instance.getInstanceId());
        refreshReport(run, instance);
        if (scaling.restorePending()) {
            // A change an earlier run could not put back: this launch is the "next launch" that does.
            try {
                scaling.restoreBaseline();
            }
            catch (WorkerRestoreException e) {
                log.error(e.getMessage());
            }
        }
        return new RunEnd.AlreadyDone(instance, last, regenerationUnfinished);
    }
}
