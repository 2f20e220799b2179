package com.storystudio.batch.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.storystudio.batch.scene.SceneCheck;
import com.storystudio.batch.scene.SceneSource;
import com.storystudio.batch.scene.SceneValidationException;

/**
 * First step: checks every scene before anything costs money. One bad row fails the run here,
 * with every problem listed, before the worker is enabled or a single scene is submitted.
 */
public class CheckScenesTasklet implements Tasklet {

    public static final String SCENE_COUNT = "scene.count";

    private static final Logger log = LoggerFactory.getLogger(CheckScenesTasklet.class);

    private final SceneSource source;
    private final RunParameters run;

    public CheckScenesTasklet(SceneSource source, RunParameters run) {
        this.source = source;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String actual = RunParameters.sha256(run.input());
        if (!actual.equals(run.inputSha256())) {
            throw new IllegalStateException(("%s has changed since this run was started (content hash %s, now %s): "
                    + "run the command again to start a run for the new content").formatted(run.input(), run.inputSha256(), actual));
        }
        SceneCheck check = source.check();
        if (!check.isValid()) {
            throw new SceneValidationException(check.problems());
        }
        int count = check.scenes();
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext().putInt(SCENE_COUNT, count);
        log.info("{}: {} scene(s), all valid", source.describe(), count);
        return RepeatStatus.FINISHED;
    }

    /**
     * Whether the execution's check found the input valid: only then do the results CSV and the report describe
     * it (an input refused as invalid had nothing done to it).
     */
    public static boolean foundInputValid(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .anyMatch(step -> step.getStepName().equals(StoryStudioJobConfiguration.CHECK_STEP) && step.getStatus() == BatchStatus.COMPLETED);
    }
}
