package com.storystudio.batch.runpod;

/** Transient failures (5xx, 429, I/O errors) went on after every retry: RunPod is unreachable for now. */
public class RunPodUnavailableException extends RunPodException {

    private final int unansweredAttempts;

    public RunPodUnavailableException(String message, int unansweredAttempts, Throwable cause) {
        super(message, cause);
        this.unansweredAttempts = unansweredAttempts;
    }

    /** Attempts that broke after sending: for {@code /run}, jobs that may exist without our knowing their id. */
    public int unansweredAttempts() {
        return unansweredAttempts;
    }
}
