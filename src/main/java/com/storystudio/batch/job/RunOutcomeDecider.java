package com.storystudio.batch.job;

import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import com.storystudio.batch.result.ResultCounts;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.scene.SceneValidationException;

/**
 * Decides how the run ends, after the worker was restored: COMPLETED only when every scene has its
 * video. Otherwise FAILED, so that re-running the same command restarts the job instance and picks
 * up only the scenes still without a video. The {@link RunOutcome} it decides is kept on the
 * execution: as a listener it writes it as the execution's exit code once the flow has ended (the
 * flow's own end would overwrite it earlier).
 */
public class RunOutcomeDecider implements JobExecutionDecider, JobExecutionListener {

    private static final String DECIDED = "run.outcome";

    private final SceneResultRepository results;

    public RunOutcomeDecider(SceneResultRepository results) {
        this.results = results;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        RunOutcome outcome = judge(jobExecution);
        jobExecution.getExecutionContext().putString(DECIDED, outcome.name());
        return outcome == RunOutcome.COMPLETED ? FlowExecutionStatus.COMPLETED : FlowExecutionStatus.FAILED;
    }

    /** A restart inherits the job's execution context: what an earlier execution decided is not this one's. */
    @Override
    public void beforeJob(JobExecution jobExecution) {
        jobExecution.getExecutionContext().remove(DECIDED);
    }

    /**
     * Registered before {@link WorkerRestoreListener}, so that it runs after it (listeners' {@code afterJob}
     * run in reverse order) and leaves a failed restore's outcome standing.
     */
    @Override
    public void afterJob(JobExecution jobExecution) {
        if (jobExecution.getExitStatus().getExitCode().equals(RunOutcome.WORKER_NOT_RESTORED.name())) {
            return;
        }
        String decided = jobExecution.getExecutionContext().getString(DECIDED, null);
        (decided != null ? RunOutcome.valueOf(decided) : RunOutcome.of(jobExecution)).recordOn(jobExecution);
    }

    private RunOutcome judge(JobExecution execution) {
        if (failedWith(execution, RunPodConfigurationException.class)) {
            return RunOutcome.MISCONFIGURED;
        }
        Optional<StepExecution> check = step(execution, StoryStudioJobConfiguration.CHECK_STEP);
        if (check.isEmpty() || check.get().getStatus() != BatchStatus.COMPLETED) {
            boolean invalid = check.stream().flatMap(step -> step.getFailureExceptions().stream())
                    .anyMatch(SceneValidationException.class::isInstance);
            return invalid ? RunOutcome.INPUT_INVALID : RunOutcome.UNFINISHED;
        }
        int scenes = execution.getExecutionContext().getInt(CheckScenesTasklet.SCENE_COUNT, -1);
        ResultCounts counts = results.counts(execution.getJobInstance().getInstanceId());
        boolean everyStepCompleted = execution.getStepExecutions().stream().allMatch(step -> step.getStatus() == BatchStatus.COMPLETED);
        if (everyStepCompleted && counts.completed() == scenes) {
            return RunOutcome.COMPLETED;
        }
        boolean generated = step(execution, StoryStudioJobConfiguration.GENERATE_STEP)
                .filter(step -> step.getStatus() == BatchStatus.COMPLETED).isPresent();
        return generated && counts.failed() > 0 && counts.completed() + counts.failed() == scenes
                ? RunOutcome.SCENES_FAILED : RunOutcome.UNFINISHED;
    }

    /** Whether a step ended with this failure, however Spring Batch wrapped it. */
    private static boolean failedWith(JobExecution execution, Class<? extends Throwable> type) {
        for (Throwable failure : execution.getAllFailureExceptions()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<StepExecution> step(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(step -> step.getStepName().equals(name)).findFirst();
    }
}
