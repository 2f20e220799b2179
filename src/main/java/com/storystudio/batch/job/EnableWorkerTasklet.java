package com.storystudio.batch.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.storystudio.batch.generation.WorkAhead;
import com.storystudio.batch.scene.SceneSource;
import com.storystudio.batch.worker.WorkerHolds;
import com.storystudio.batch.worker.WorkerScaling;

/**
 * Keeps an active worker warm for the run, unless the run has nothing for workers to do: every scene has its
 * video already, or takes it from an earlier job of the same content ({@link WorkAhead}). A scene to submit, or
 * a job of an earlier run to re-attach, needs one.
 */
public class EnableWorkerTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(EnableWorkerTasklet.class);

    private final WorkerScaling scaling;
    private final WorkAhead workAhead;
    private final SceneSource source;
    private final RunParameters run;
    private final RunAudioLengths audioLengths;
    private final WorkerHolds holds;

    public EnableWorkerTasklet(WorkerScaling scaling, WorkAhead workAhead, SceneSource source, RunParameters run,
                               RunAudioLengths audioLengths, WorkerHolds holds) {
        this.scaling = scaling;
        this.holds = holds;
        this.workAhead = workAhead;
        this.source = source;
        this.run = run;
        this.audioLengths = audioLengths;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long jobInstanceId = execution.getJobInstance().getInstanceId();
        if (!workAhead.needsWorkers(jobInstanceId, source, run.regeneration() == null)) {
            log.info("Every scene has its video already, or reuses one of the same content: the worker is left as it is");
            return RepeatStatus.FINISHED;
        }
        // Remote audio is read now, within its own budget, while no worker bills yet.
        audioLengths.get();
        if (scaling.enable()) {
            holds.held(scaling.endpointId(), jobInstanceId, execution.getId(), 1);
        }
        return RepeatStatus.FINISHED;
    }
}
