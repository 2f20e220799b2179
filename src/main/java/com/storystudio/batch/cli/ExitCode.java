package com.storystudio.batch.cli;

/** The process exit codes, as documented in README.md. */
public enum ExitCode {
    SUCCESS(0, "every scene has a video"),
    INTERNAL_ERROR(1, "unexpected error (see the log)"),
    INVALID_INPUT(2, "invalid usage or input; nothing was submitted"),
    FAILED_SCENES(3, "the run finished but some scenes FAILED; re-run the same command to retry just those"),
    RUN_FAILED(4, "the run failed or was stopped before every scene finished; re-run the same command to continue it"),
    WORKER_NOT_RESTORED(5, "the endpoint's active worker could not be restored and may still be billing");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
