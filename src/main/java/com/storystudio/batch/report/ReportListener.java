package com.storystudio.batch.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.CheckScenesTasklet;
import com.storystudio.batch.job.RunEndListener;
import com.storystudio.batch.job.RunParameters;

/**
 * Writes the report at the end of every execution that found its input valid, however it ended (completed, failed,
 * stopped), after the worker's restore, so that the hand-back is in it. A report that cannot be written is a
 * warning: it changes nothing of how the run ended.
 */
@Component
public class ReportListener implements RunEndListener {

    private static final Logger log = LoggerFactory.getLogger(ReportListener.class);

    private final ReportPublisher publisher;

    public ReportListener(ReportPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        // As the results CSV: an input found invalid had nothing done to report.
        if (!CheckScenesTasklet.foundInputValid(jobExecution)) {
            return;
        }
        RunParameters run = RunParameters.from(jobExecution.getJobParameters());
        try {
            log.debug("Report written: {}", publisher.publish(jobExecution.getJobInstance(), jobExecution, run.outputDir(), run.input()));
        }
        catch (RuntimeException e) {
            log.warn("Could not write the report of {} into {}: {}", run.input(), run.outputDir(), e.toString(), e);
        }
    }
}
