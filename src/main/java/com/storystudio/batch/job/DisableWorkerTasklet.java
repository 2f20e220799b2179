package com.storystudio.batch.job;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.storystudio.batch.worker.TailScaling;
import com.storystudio.batch.worker.WorkerHolds;
import com.storystudio.batch.worker.WorkerScaling;

/** Puts the endpoint's scaling back as it was before the run; runs whether generation succeeded or not. */
public class DisableWorkerTasklet implements Tasklet {

    private final WorkerScaling scaling;
    private final TailScaling tail;
    private final WorkerHolds holds;

    public DisableWorkerTasklet(WorkerScaling scaling, TailScaling tail, WorkerHolds holds) {
        this.scaling = scaling;
        this.tail = tail;
        this.holds = holds;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        tail.settle();
        // Handed back, or left to runs that share it: from here on it is not this run's cost.
        scaling.restore();
        holds.released(chunkContext.getStepContext().getStepExecution().getJobExecution().getId());
        return RepeatStatus.FINISHED;
    }
}
