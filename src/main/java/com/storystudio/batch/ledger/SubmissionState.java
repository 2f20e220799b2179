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
    /** RunPod answered 404 for a job it had accepted while this run watched it: lost from its queue. */
    VANISHED,
    /**
     * RunPod answered 404 for a job an earlier run left in flight, the first time a restart asked about it: it
     * most likely ran to its end unseen and its result expired (RunPod keeps one 30 minutes), so it may have
     * been paid for. Not a failure of the scene, which is submitted again at once.
     */
    EXPIRED;

    /** A job RunPod has and that may still deliver a video. */
    public boolean isLive() {
        return this == SUBMITTED;
    }
}
