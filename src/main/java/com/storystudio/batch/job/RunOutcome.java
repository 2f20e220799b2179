package com.storystudio.batch.job;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * How a run ended. Decided once, at the end of the job ({@link RunOutcomeDecider}, or
 * {@link WorkerRestoreListener} when the endpoint could not be put back), and stored on the execution
 * as its exit code, where the command and any later look at the job database read it.
 */
public enum RunOutcome {

    /** Every scene has its video. */
    COMPLETED,
    /** Every scene finished, and some of them FAILED. */
    SCENES_FAILED,
    /** The run ended before every scene finished. */
    UNFINISHED,
    /** The input was refused before anything was spent. */
    INPUT_INVALID,
    /** RunPod refused the key, or the URL called is not an endpoint's: nothing more was sent. */
    MISCONFIGURED,
    /** Stopped by a signal (or through the job repository). */
    STOPPED,
    /** The endpoint's scaling could not be put back: an active worker may still be billing. */
    WORKER_NOT_RESTORED;

    /** What the execution's end says; an execution that ended before the decider ran is STOPPED or UNFINISHED. */
    public static RunOutcome of(JobExecution execution) {
        String code = execution.getExitStatus().getExitCode();
        for (RunOutcome outcome : values()) {
            if (outcome.name().equals(code)) {
                return outcome;
            }
        }
        return execution.getStatus() == BatchStatus.STOPPED ? STOPPED : UNFINISHED;
    }

    /** Stores this outcome as the execution's exit code, keeping its description. */
    void recordOn(JobExecution execution) {
        execution.setExitStatus(new ExitStatus(name(), execution.getExitStatus().getExitDescription()));
    }
}
