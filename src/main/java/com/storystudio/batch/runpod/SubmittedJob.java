package com.storystudio.batch.runpod;

/**
 * The answer to a {@code /run}. {@code unansweredAttempts} counts earlier attempts of this same
 * submission that broke after sending: each may have created a job RunPod will run (and bill) too.
 */
public record SubmittedJob(String id, RemoteStatus status, int unansweredAttempts) {
}
