package com.storystudio.batch.job;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.storystudio.batch.worker.TailScaling;
import com.storystudio.batch.worker.WorkerScaling;

/** Puts the endpoint's scaling back as it was before the run; runs whether generation succeeded or not. */
public class DisableWorkerTasklet implements Tasklet {

    private final WorkerScaling scaling;
    private final TailScaling tail;

    public DisableWorkerTasklet(WorkerScaling scaling, TailScaling tail) {
        this.scaling = scaling;
        this.tail = tail;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        tail.settle();
        scaling.restore();
        return RepeatStatus.FINISHED;
    }
}
