package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

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
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.CheckScenesTasklet;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.StoryStudioJobConfiguration;
import com.storystudio.batch.ledger.LedgerTotals;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.result.ResultsCsvFile;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.scene.SceneValidationException;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatorStats;
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

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final RunPodConnection connection;
    private final SceneResultRepository results;
    private final SubmissionLedger ledger;
    private final WorkerScaling scaling;
    private final ObjectProvider<RunPodSimulator> simulator;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private ExitCode exitCode = ExitCode.SUCCESS;

    public StoryStudioCommand(JobOperator jobOperator, JobRepository jobRepository, Job job, RunPodConnection connection,
                              SceneResultRepository results, SubmissionLedger ledger, WorkerScaling scaling,
                              ObjectProvider<RunPodSimulator> simulator) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.connection = connection;
        this.results = results;
        this.ledger = ledger;
        this.scaling = scaling;
        this.simulator = simulator;
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
        if (!Files.isRegularFile(options.input()) || !Files.isReadable(options.input())) {
            throw new UsageException("cannot read the input file " + options.input());
        }
        List<String> missing = connection.missingSettings();
        if (!missing.isEmpty()) {
            throw new UsageException("missing " + String.join(" and ", missing) + "; or rehearse with --simulate");
        }
        RunParameters run = RunParameters.of(options.input(), connection.endpointId(), options.outputDir());
        ResultsCsvFile csv = ResultsCsvFile.forInput(run.outputDir(), run.input());

        JobInstance existing = jobRepository.getJobInstance(StoryStudioJobConfiguration.JOB_NAME, run.toJobParameters());
        if (existing != null) {
            JobExecution last = jobRepository.getLastJobExecution(existing);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return alreadyDone(run, existing, last, csv);
            }
            if (last != null) {
                log.info("Continuing the earlier run of {} (job instance {}, last execution {} ended {})", run.input(),
                        existing.getInstanceId(), last.getId(), last.getStatus());
            }
        }

        JobExecution execution;
        try {
            execution = jobOperator.start(job, run.toJobParameters());
        }
        catch (JobExecutionAlreadyRunningException e) {
            err.printf("storystudio: a run of %s is already in progress (or was killed without ending); not starting another.%n", run.input());
            return ExitCode.RUN_FAILED;
        }
        catch (JobRestartException e) {
            // e.g. a step left UNKNOWN by a failed rollback: Spring Batch will not guess, nor will we.
            err.printf("storystudio: the earlier run of %s cannot be restarted: %s%n", run.input(), e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        catch (JobInstanceAlreadyCompleteException e) {
            JobInstance instance = jobRepository.getJobInstance(StoryStudioJobConfiguration.JOB_NAME, run.toJobParameters());
            return alreadyDone(run, instance, jobRepository.getLastJobExecution(instance), csv);
        }
        return finished(run, execution, csv);
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
            execution.getAllFailureExceptions().forEach(e -> err.println("storystudio: " + e.getMessage()));
        }
        LedgerTotals totals = ledger.totals(instanceId);
        String headline = invalid.isEmpty()
                ? "run %s".formatted(execution.getStatus())
                : "input rejected: %d problem(s), nothing was submitted".formatted(invalid.stream().mapToInt(e -> e.problems().size()).sum());
        new RunSummary(headline, run.input(), instanceId, execution.getId(), scenes, (int) withVideo, failed, totals.submissions(),
                totals.possibleDuplicates(), workerState(restorePending), invalid.isEmpty() ? csv.path() : null,
                elapsed(execution), simulation(), code).print(out);
        return code;
    }

    private ExitCode alreadyDone(RunParameters run, JobInstance instance, JobExecution last, ResultsCsvFile csv) {
        List<SceneResult> recorded = results.findAll(instance.getInstanceId());
        csv.rewrite(recorded);
        LedgerTotals totals = ledger.totals(instance.getInstanceId());
        int withVideo = (int) recorded.stream().filter(SceneResult::hasVideo).count();
        new RunSummary("already done: every scene of this input has its video; nothing was submitted", run.input(),
                instance.getInstanceId(), last == null ? null : last.getId(), recorded.size(), withVideo, List.of(),
                totals.submissions(), totals.possibleDuplicates(), workerState(scaling.restorePending()), csv.path(), null, null,
                ExitCode.SUCCESS).print(out);
        return ExitCode.SUCCESS;
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
