package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobKeyGenerator;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.CheckScenesTasklet;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.StopRequest;
import com.storystudio.batch.job.StoryStudioJobConfiguration;
import com.storystudio.batch.ledger.LedgerTotals;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ownership.RunInProgressException;
import com.storystudio.batch.ownership.RunOwner;
import com.storystudio.batch.ownership.RunOwnership;
import com.storystudio.batch.result.ResultsCsvFile;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.scene.SceneValidationException;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatorStats;
import com.storystudio.batch.worker.WorkerRestoreException;
import com.storystudio.batch.worker.WorkerScaling;

/**
 * {@code java -jar storystudio.jar --input=scenes.csv}: starts the job for the input, or restarts
 * the job instance of an earlier failed run of the same input, prints the summary and sets the
 * exit code. Boot's own job runner is off: it would not turn {@code --input=...} into parameters.
 */
@Component
@ConditionalOnBooleanProperty(name = "storystudio.command.enabled", matchIfMissing = true)
public class StoryStudioCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(StoryStudioCommand.class);
    private static final JobKeyGenerator JOB_KEYS = new DefaultJobKeyGenerator();

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final RunPodConnection connection;
    private final SceneResultRepository results;
    private final SubmissionLedger ledger;
    private final WorkerScaling scaling;
    private final ObjectProvider<RunPodSimulator> simulator;
    private final RunOwnership ownership;
    private final StopRequest stop;
    private final Clock clock;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private ExitCode exitCode = ExitCode.SUCCESS;

    public StoryStudioCommand(JobOperator jobOperator, JobRepository jobRepository, Job job, RunPodConnection connection,
                              SceneResultRepository results, SubmissionLedger ledger, WorkerScaling scaling,
                              ObjectProvider<RunPodSimulator> simulator, RunOwnership ownership, StopRequest stop, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.connection = connection;
        this.results = results;
        this.ledger = ledger;
        this.scaling = scaling;
        this.simulator = simulator;
        this.ownership = ownership;
        this.stop = stop;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        try {
            exitCode = execute(CommandLineOptions.parse(arguments));
        }
        catch (UsageException e) {
            err.println("storystudio: " + e.getMessage());
            err.println("Run with --help for the options.");
            exitCode = ExitCode.INVALID_INPUT;
        }
        catch (Exception e) {
            log.error("Unexpected error: {}", e.getMessage(), e);
            exitCode = ExitCode.INTERNAL_ERROR;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }

    private ExitCode execute(CommandLineOptions options) throws Exception {
        if (options.help()) {
            out.print(Usage.text());
            return ExitCode.SUCCESS;
        }
        List<String> missing = connection.missingSettings();
        if (options.restoreWorker()) {
            if (!missing.isEmpty()) {
                throw new UsageException("missing " + String.join(" and ", missing));
            }
            return restoreWorker();
        }
        if (!Files.isRegularFile(options.input()) || !Files.isReadable(options.input())) {
            throw new UsageException("cannot read the input file " + options.input());
        }
        if (!missing.isEmpty()) {
            throw new UsageException("missing " + String.join(" and ", missing) + "; or rehearse with --simulate");
        }
        RunParameters run = RunParameters.of(options.input(), connection.endpointId(), options.outputDir())
                .withCancelOnStop(options.cancelOnStop());
        RunHistory history = new RunHistory(jobRepository);
        if (options.regenerate()) {
            run = run.withRegeneration(RunHistory.unfinishedRegeneration(history.of(run))
                    .map(past -> past.parameters().regeneration())
                    .orElseGet(() -> clock.instant().toString()));
        }
        ResultsCsvFile csv = ResultsCsvFile.forInput(run.outputDir(), run.input());

        // Claimed before the job is touched, released after it ended: an execution of this input that
        // is still "running" while we hold the claim belongs to a process that died.
        String runKey = JOB_KEYS.generateKey(run.toJobParameters());
        try {
            ownership.claim(runKey, run.input().toString());
        }
        catch (RunInProgressException e) {
            err.printf("storystudio: %s; nothing was done. Stop that process first, or wait for it.%n", e.getMessage());
            return ExitCode.ALREADY_RUNNING;
        }
        try {
            JobInstance existing = jobRepository.getJobInstance(StoryStudioJobConfiguration.JOB_NAME, run.toJobParameters());
            if (existing != null) {
                JobExecution last = jobRepository.getLastJobExecution(existing);
                if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                    // Only here is the history read: it loads every earlier run of the job.
                    List<RunHistory.PastRun> past = history.of(run);
                    RunHistory.PastRun newest = RunHistory.latestCompleted(past).orElseThrow();
                    return alreadyDone(run, newest.instance(), newest.lastExecution(), csv,
                            RunHistory.unfinishedRegeneration(past).isPresent());
                }
                if (last != null && last.getStatus().isRunning()) {
                    recover(run, last);
                }
                else if (last != null) {
                    log.info("Continuing the earlier run of {} (job instance {}, last execution {} ended {})", run.input(),
                            existing.getInstanceId(), last.getId(), last.getStatus());
                }
            }
            if (stop.isRequested()) {
                err.println("storystudio: stopped before the run started; nothing was submitted");
                return ExitCode.STOPPED;
            }
            JobExecution execution;
            try (StopSignals signals = StopSignals.install(stop)) {
                execution = jobOperator.start(job, run.toJobParameters());
            }
            catch (JobExecutionAlreadyRunningException e) {
                err.printf("storystudio: a run of %s is already in progress; not starting another.%n", run.input());
                return ExitCode.ALREADY_RUNNING;
            }
            catch (JobRestartException e) {
                // e.g. a step left UNKNOWN by a failed rollback: Spring Batch will not guess, nor will we.
                err.printf("storystudio: the earlier run of %s cannot be restarted: %s%n", run.input(), e.getMessage());
                return ExitCode.RUN_FAILED;
            }
            catch (JobInstanceAlreadyCompleteException e) {
                JobInstance instance = jobRepository.getJobInstance(StoryStudioJobConfiguration.JOB_NAME, run.toJobParameters());
                return alreadyDone(run, instance, jobRepository.getLastJobExecution(instance), csv, false);
            }
            return finished(run, execution, csv);
        }
        finally {
            ownership.unclaim();
        }
    }

    /** The execution's process was killed (kill -9, OOM, reboot): mark it FAILED so that it can be restarted. */
    private void recover(RunParameters run, JobExecution orphaned) {
        String why = "its process ended without finishing it (killed, out of memory or rebooted)";
        log.warn("Recovering the run of {} (execution {}, left {}): {}; continuing it", run.input(), orphaned.getId(),
                orphaned.getStatus(), why);
        orphaned.setExitStatus(ExitStatus.FAILED.addExitDescription("Recovered at the next launch: " + why));
        jobOperator.recover(orphaned);
    }

    /** {@code --restore-worker}: the operator's safety switch, with no input and no job. */
    private ExitCode restoreWorker() {
        ownership.register();
        List<RunOwner> live = scaling.sharingRuns();
        if (!live.isEmpty()) {
            err.printf("storystudio: %d live run(s) still use endpoint %s (%s); restoring anyway, they go on without the "
                    + "active worker%n", live.size(), scaling.endpointId(), live.stream().map(RunOwner::describe).toList());
        }
        try {
            boolean restored = scaling.restoreBaseline();
            out.println(restored
                    ? "StoryStudio: endpoint %s restored to its scaling from before the run that changed it".formatted(scaling.endpointId())
                    : "StoryStudio: nothing to restore: no run left endpoint %s changed".formatted(scaling.endpointId()));
            return ExitCode.SUCCESS;
        }
        catch (WorkerRestoreException e) {
            err.println("storystudio: " + e.getMessage());
            return ExitCode.WORKER_NOT_RESTORED;
        }
    }

    private ExitCode finished(RunParameters run, JobExecution execution, ResultsCsvFile csv) {
        long instanceId = execution.getJobInstance().getInstanceId();
        List<SceneResult> recorded = results.findAll(instanceId);
        int scenes = execution.getExecutionContext().getInt(CheckScenesTasklet.SCENE_COUNT, recorded.size());
        long withVideo = recorded.stream().filter(SceneResult::hasVideo).count();
        List<SceneResult> failed = recorded.stream().filter(r -> r.status() == SceneStatus.FAILED).toList();

        List<SceneValidationException> invalid = execution.getAllFailureExceptions().stream()
                .filter(SceneValidationException.class::isInstance).map(SceneValidationException.class::cast).toList();
        invalid.forEach(e -> e.problems().forEach(problem -> err.println(problem.describe())));

        boolean restorePending = scaling.restorePending();
        ExitCode code = ExitCode.of(execution.getStatus(), restorePending, !invalid.isEmpty(),
                generationCompleted(execution) && withVideo + failed.size() == scenes && !failed.isEmpty());
        if (code == ExitCode.RUN_FAILED || code == ExitCode.WORKER_NOT_RESTORED) {
            // Spring Batch wraps what went wrong ("Unable to process chunk"): the cause is what the user can act on.
            execution.getAllFailureExceptions().stream().map(e -> NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                    .distinct().forEach(message -> err.println("storystudio: " + message));
        }
        LedgerTotals totals = ledger.totals(instanceId);
        String headline = invalid.isEmpty()
                ? "run %s".formatted(execution.getStatus())
                : "input rejected: %d problem(s), nothing was submitted".formatted(invalid.stream().mapToInt(e -> e.problems().size()).sum());
        new RunSummary(headline, run.input(), instanceId, execution.getId(), scenes, (int) withVideo, reused(recorded), failed, totals.submissions(),
                totals.possibleDuplicates(), workerState(restorePending), invalid.isEmpty() ? csv.path() : null,
                elapsed(execution), simulation(), code).print(out);
        return code;
    }

    private ExitCode alreadyDone(RunParameters run, JobInstance instance, JobExecution last, ResultsCsvFile csv,
                                 boolean regenerationUnfinished) {
        if (regenerationUnfinished) {
            err.println("storystudio: a --regenerate run of this input has not finished; add --regenerate to continue it");
        }
        List<SceneResult> recorded = results.findAll(instance.getInstanceId());
        csv.rewrite(recorded);
        LedgerTotals totals = ledger.totals(instance.getInstanceId());
        int withVideo = (int) recorded.stream().filter(SceneResult::hasVideo).count();
        new RunSummary("already done: every scene of this input has its video; nothing was submitted", run.input(),
                instance.getInstanceId(), last == null ? null : last.getId(), recorded.size(), withVideo, reused(recorded), List.of(),
                totals.submissions(), totals.possibleDuplicates(), workerState(scaling.restorePending()), csv.path(), null, null,
                ExitCode.SUCCESS).print(out);
        return ExitCode.SUCCESS;
    }

    private static int reused(List<SceneResult> recorded) {
        return (int) recorded.stream().filter(r -> r.reusedFrom() != null).count();
    }

    private static boolean generationCompleted(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals(StoryStudioJobConfiguration.GENERATE_STEP))
                .map(StepExecution::getStatus)
                .anyMatch(status -> status == BatchStatus.COMPLETED);
    }

    private String workerState(boolean restorePending) {
        return restorePending
                ? "NOT RESTORED: an active worker may still be running and billing; re-run the command or check the RunPod console"
                : "endpoint scaling as it was before the run";
    }

    private static Duration elapsed(JobExecution execution) {
        return execution.getStartTime() == null || execution.getEndTime() == null
                ? null : Duration.between(execution.getStartTime(), execution.getEndTime());
    }

    private String simulation() {
        RunPodSimulator running = simulator.getIfAvailable();
        if (running == null) {
            return null;
        }
        SimulatorStats stats = running.stats();
        return "GPU worker time billed %.2f h (about $%.2f at the emulator's rate), of which %.0f%% idle"
                .formatted(stats.billedWorkerSeconds() / 3600, stats.estimatedCostDollars(),
                        stats.billedWorkerSeconds() == 0 ? 0.0 : 100 * stats.idleWorkerSeconds() / stats.billedWorkerSeconds());
    }
}
