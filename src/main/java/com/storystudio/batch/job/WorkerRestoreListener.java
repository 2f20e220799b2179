package com.storystudio.batch.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import com.storystudio.batch.worker.TailScaling;
import com.storystudio.batch.worker.WorkerRestoreException;
import com.storystudio.batch.worker.WorkerHolds;
import com.storystudio.batch.worker.WorkerScaling;

/**
 * The last line of defence for the worker: when the run ends without the disable step having
 * restored the endpoint (a stop, an exception in a step or in the flow), restore it here. When the
 * endpoint is still left changed afterwards, with no live run to put it back, that is how the run
 * ended: {@link RunOutcome#WORKER_NOT_RESTORED}.
 */
public class WorkerRestoreListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(WorkerRestoreListener.class);

    private final WorkerScaling scaling;
    private final TailScaling tail;
    private final WorkerHolds holds;

    public WorkerRestoreListener(WorkerScaling scaling, TailScaling tail, WorkerHolds holds) {
        this.scaling = scaling;
        this.tail = tail;
        this.holds = holds;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        // Always: besides restoring, this drops the run's worker lease, which other runs wait on.
        try {
            tail.settle();
            scaling.restore();
            holds.released(jobExecution.getId());
        }
        catch (WorkerRestoreException e) {
            log.error(e.getMessage());
            jobExecution.setStatus(BatchStatus.FAILED);
            jobExecution.setExitStatus(ExitStatus.FAILED.addExitDescription(e));
            jobExecution.addFailureException(e);
        }
        if (scaling.restorePending()) {
            RunOutcome.WORKER_NOT_RESTORED.recordOn(jobExecution);
        }
    }
}
