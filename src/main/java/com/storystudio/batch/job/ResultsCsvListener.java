package com.storystudio.batch.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes the results CSV at the end of every execution that found its input valid, however it ended:
 * completed, stopped, or failed in any step (the generate step may not even have run). A failure to
 * write it is logged and changes nothing of how the run ended.
 */
public class ResultsCsvListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ResultsCsvListener.class);

    private final RunResultsCsv resultsCsv;

    public ResultsCsvListener(RunResultsCsv resultsCsv) {
        this.resultsCsv = resultsCsv;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        if (!CheckScenesTasklet.foundInputValid(jobExecution)) {
            return;
        }
        RunParameters run = RunParameters.from(jobExecution.getJobParameters());
        try {
            resultsCsv.publish(run, jobExecution.getJobInstance().getInstanceId());
        }
        catch (RuntimeException e) {
            log.error("Could not write the results CSV {}", run.resultsCsv().path(), e);
        }
    }
}
