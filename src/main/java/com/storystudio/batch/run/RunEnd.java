package com.storystudio.batch.run;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;

/** How a launch of the run for an input ended, as {@link RunLauncher} saw it. */
public sealed interface RunEnd {

    /** The job ran, or continued an earlier execution, and ended: its outcome is on the execution. */
    record Ran(JobExecution execution) implements RunEnd {
    }

    /**
     * Every scene of the input has its video already; nothing was run.
     *
     * @param regenerationUnfinished a {@code --regenerate} run of the same input has not finished
     */
    record AlreadyDone(JobInstance instance, JobExecution lastExecution, boolean regenerationUnfinished) implements RunEnd {
    }

    /** Nothing was started, for a reason the message explains. */
    record NotStarted(Reason reason, String message) implements RunEnd {
    }

    enum Reason {
        /** Another live process runs the input. */
        RUNNING_ELSEWHERE,
        /** Spring Batch will not restart the earlier execution (a step left UNKNOWN, for instance). */
        NOT_RESTARTABLE,
        /** A stop was asked for before the job started. */
        STOPPED,
        /** RunPod refused the key, or the address is not an endpoint's: nothing was changed or submitted. */
        MISCONFIGURED,
        /** RunPod did not answer within the bound: nothing was changed or submitted. */
        UNREACHABLE
    }
}
