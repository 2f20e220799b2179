package com.storystudio.batch.cli;

import org.springframework.batch.core.BatchStatus;

/** The process exit codes, as documented in README.md. */
public enum ExitCode {
    SUCCESS(0, "every scene has a video"),
    INTERNAL_ERROR(1, "unexpected error (see the log)"),
    INVALID_INPUT(2, "invalid usage or input; nothing was submitted"),
    FAILED_SCENES(3, "the run finished but some scenes FAILED; re-run the same command to retry just those"),
    RUN_FAILED(4, "the run failed before every scene finished; re-run the same command to continue it"),
    WORKER_NOT_RESTORED(5, "the endpoint's active worker could not be restored and may still be billing"),
    STOPPED(6, "stopped by SIGTERM or Ctrl-C; the worker was restored; re-run the same command to continue"),
    ALREADY_RUNNING(7, "another live process is running this input; nothing was done");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /**
     * The exit code of a run that ended with {@code status}. A worker left on outranks everything:
     * it costs money every hour until someone acts.
     *
     * @param scenesFailed generation went through every scene, and some of them FAILED
     */
    public static ExitCode of(BatchStatus status, boolean workerNotRestored, boolean inputInvalid, boolean scenesFailed) {
        if (workerNotRestored) {
            return WORKER_NOT_RESTORED;
        }
        if (status == BatchStatus.COMPLETED) {
            return SUCCESS;
        }
        if (status == BatchStatus.STOPPED) {
            return STOPPED;
        }
        if (inputInvalid) {
            return INVALID_INPUT;
        }
        return scenesFailed ? FAILED_SCENES : RUN_FAILED;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
