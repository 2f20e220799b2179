package com.storystudio.batch.job;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.storystudio.batch.worker.WorkerScaling;

/** Puts the endpoint's scaling back as it was before the run; runs whether generation succeeded or not. */
public class DisableWorkerTasklet implements Tasklet {

    private final WorkerScaling scaling;

    public DisableWorkerTasklet(WorkerScaling scaling) {
        this.scaling = scaling;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        scaling.restore();
        return RepeatStatus.FINISHED;
    }
}
