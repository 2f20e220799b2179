package com.storystudio.batch.logging;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The job execution's id on every line of the thread that runs it, from {@code beforeJob} to {@code afterJob}.
 * Registered first on the job, so that its {@code afterJob} runs last.
 */
public class ExecutionLogFields implements JobExecutionListener {

    @Override
    public void beforeJob(JobExecution jobExecution) {
        LogFields.set(LogFields.EXECUTION_ID, String.valueOf(jobExecution.getId()));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        LogFields.set(LogFields.EXECUTION_ID, null);
    }
}
