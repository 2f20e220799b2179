package com.storystudio.batch.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.step.StepExecution;

import com.storystudio.batch.result.SceneResultRepository;

/**
 * Decides how the run ends, after the worker was restored: COMPLETED only when every scene has its
 * video. Otherwise FAILED, so that re-running the same command restarts the job instance and
 * picks up only the scenes still without a video.
 */
public class RunOutcomeDecider implements JobExecutionDecider {

    private final SceneResultRepository results;

    public RunOutcomeDecider(SceneResultRepository results) {
        this.results = results;
    }

    @Override
    public FlowExecutionStatus decide(JobExecution jobExecution, StepExecution stepExecution) {
        boolean stepFailed = jobExecution.getStepExecutions().stream()
                .anyMatch(step -> step.getStatus() != BatchStatus.COMPLETED);
        int scenes = jobExecution.getExecutionContext().getInt(CheckScenesTasklet.SCENE_COUNT, -1);
        int withVideo = results.counts(jobExecution.getJobInstance().getInstanceId()).completed();
        return !stepFailed && withVideo == scenes ? FlowExecutionStatus.COMPLETED : FlowExecutionStatus.FAILED;
    }
}
