package com.storystudio.batch.job;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Lets a restart run again a step that failed before {@code disableWorker}. Spring Batch marks a
 * failed step ABANDONED as soon as the flow moves on to another step (the failure counts as
 * handled), and never restarts an ABANDONED step; here the flow moves on only to restore the
 * worker, and every step is idempotent, so a restart sets such steps back to FAILED.
 */
public class ReopenAbandonedStepsListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ReopenAbandonedStepsListener.class);

    private final JobRepository jobRepository;
    private final List<String> stepNames;

    public ReopenAbandonedStepsListener(JobRepository jobRepository, List<String> stepNames) {
        this.jobRepository = jobRepository;
        this.stepNames = stepNames;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        for (String stepName : stepNames) {
            StepExecution last = jobRepository.getLastStepExecution(jobExecution.getJobInstance(), stepName);
            if (last != null && last.getStatus() == BatchStatus.ABANDONED && last.getJobExecutionId() != jobExecution.getId()) {
                log.debug("Re-opening step {} of execution {} for this restart", stepName, last.getJobExecutionId());
                last.setStatus(BatchStatus.FAILED);
                jobRepository.update(last);
            }
        }
    }
}
