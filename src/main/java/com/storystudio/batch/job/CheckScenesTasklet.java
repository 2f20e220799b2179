package com.storystudio.batch.job;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private final Path input;
    private final String expectedSha256;

    public CheckScenesTasklet(SceneSource source, Path input, String expectedSha256) {
        this.source = source;
        this.input = input;
        this.expectedSha256 = expectedSha256;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        String actual = RunParameters.sha256(input);
        if (!actual.equals(expectedSha256)) {
            throw new IllegalStateException(("%s has changed since this run was started (content hash %s, now %s): "
                    + "run the command again to start a run for the new content").formatted(input, expectedSha256, actual));
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
}
