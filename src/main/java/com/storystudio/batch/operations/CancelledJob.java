package com.storystudio.batch.operations;

/**
 * One live job {@code cancel-jobs} asked RunPod to cancel.
 *
 * @param outcome what became of it
 * @param remote  RunPod's status in its answer; null when it did not answer or no longer knew the job
 */
public record CancelledJob(String sceneId, String jobId, Outcome outcome, String remote) {

    public enum Outcome {
        /** Cancelled, and recorded so: the next run submits the scene again. */
        CANCELLED,
        /** It had ended already (or RunPod no longer knows it): left as it was, for the next run to collect. */
        ENDED,
        /** RunPod did not answer: still live as far as anyone knows. */
        NOT_ANSWERED
    }
}
