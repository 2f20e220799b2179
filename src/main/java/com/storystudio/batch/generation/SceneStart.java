package com.storystudio.batch.generation;

import java.util.Optional;

import com.storystudio.batch.ledger.Submission;

/**
 * Where a scene starts in this run, decided by {@link SceneResumption} from what earlier runs left in the ledger.
 *
 * @param way         how it starts
 * @param nextAttempt the number its next remote job gets (attempts are numbered across runs)
 * @param earlier     the earlier job it starts from: the one re-attached, or the one whose video it takes;
 *                    null when it is submitted
 * @param outdated    a live job of an earlier run for media that have since changed: cancelled first, since it
 *                    would bill for a video nobody wants
 */
record SceneStart(Way way, int nextAttempt, Submission earlier, Optional<Submission> outdated) {

    enum Way {
        /** Its latest job's video was recorded (by a run that died before its chunk committed): no call at all. */
        RECORDED,
        /** Its latest job may still be on RunPod: poll it instead of paying again. */
        REATTACH,
        /** The same content has a video on this endpoint from any run of any input: take it. */
        REUSE,
        /** A new remote job. */
        SUBMIT
    }
}
