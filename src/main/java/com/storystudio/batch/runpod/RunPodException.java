package com.storystudio.batch.runpod;

/**
 * A RunPod call that did not succeed. Messages name the operation and what went wrong, never the
 * API key or request headers.
 */
public class RunPodException extends RuntimeException {

    public RunPodException(String message) {
        super(message);
    }

    public RunPodException(String message, Throwable cause) {
        super(message, cause);
    }
}
