package com.storystudio.batch.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.worker.WorkerScaling;

/** Keeps an active worker warm for the run, unless every scene already has its video. */
public class EnableWorkerTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(EnableWorkerTasklet.class);

    private final WorkerScaling scaling;
    private final SceneResultRepository results;

    public EnableWorkerTasklet(WorkerScaling scaling, SceneResultRepository results) {
        this.scaling = scaling;
        this.results = results;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        int scenes = jobExecution.getExecutionContext().getInt(CheckScenesTasklet.SCENE_COUNT);
        int withVideo = results.counts(jobExecution.getJobInstance().getInstanceId()).completed();
        if (withVideo >= scenes) {
            log.info("All {} scene(s) already have a video: the worker is left as it is", scenes);
            return RepeatStatus.FINISHED;
        }
        scaling.enable();
        return RepeatStatus.FINISHED;
    }
}
