package com.storystudio.batch.ledger;

/** Where one remote job of a scene stands, as far as this application knows. */
public enum SubmissionState {
    /** Written before {@code /run} is sent; still here after a crash means RunPod may or may not have the job. */
    SUBMITTING,
    /** RunPod accepted it and gave an id: poll it, never submit it again. */
    SUBMITTED,
    /**
     * {@code /run} gave no job id: refused, or RunPod stayed unreachable. Attempts that broke after
     * sending may still have created a job; they are counted in {@code unanswered_attempts}.
     */
    NOT_SUBMITTED,
    COMPLETED,
    FAILED,
    CANCELLED,
    TIMED_OUT,
    /** RunPod answered 404 for a job it had accepted: lost from its queue, or its result expired. */
    VANISHED;

    /** A job RunPod has and that may still deliver a video. */
    public boolean isLive() {
        return this == SUBMITTED;
    }
}
