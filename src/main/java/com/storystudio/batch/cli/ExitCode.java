package com.storystudio.batch.cli;

import com.storystudio.batch.job.RunOutcome;

/** The process exit codes, as documented in README.md. */
public enum ExitCode {
    SUCCESS(0, "every scene has a video"),
    INTERNAL_ERROR(1, "unexpected error (see the log)"),
    INVALID_INPUT(2, "invalid usage or input, or RunPod refused the key or the address; nothing (more) was submitted"),
    FAILED_SCENES(3, "the run finished but some scenes FAILED; re-run the same command to retry just those"),
    RUN_FAILED(4, "the run failed before every scene finished, or RunPod did not answer; re-run the same command to continue it"),
    WORKER_NOT_RESTORED(5, "the endpoint's active worker could not be restored and may still be billing"),
    STOPPED(6, "stopped by SIGTERM or Ctrl-C; the endpoint's scaling is as it was; re-run the same command to continue"),
    ALREADY_RUNNING(7, "another live process is running this input; nothing was done");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The exit code of a run that ended this way. */
    public static ExitCode of(RunOutcome outcome) {
        return switch (outcome) {
            case COMPLETED -> SUCCESS;
            case SCENES_FAILED -> FAILED_SCENES;
            case UNFINISHED -> RUN_FAILED;
            case INPUT_INVALID, MISCONFIGURED -> INVALID_INPUT;
            case STOPPED -> STOPPED;
            case WORKER_NOT_RESTORED -> WORKER_NOT_RESTORED;
        };
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** {@code "3: the run finished but ..."} */
    public String describe() {
        return code + ": " + meaning;
    }
}
