package com.storystudio.batch.generation;

import java.util.Optional;

/**
 * Tells failures that look systematic (a broken worker, a wrong model, an input format the
 * endpoint no longer accepts) from the odd bad scene, so that a run stops paying for attempts that
 * will all fail: when its first {@code firstAttempts} remote attempts all failed, or when more than
 * {@code maxFailedShare} of its finished scenes failed (judged once {@code firstAttempts} have finished).
 */
final class FailureBudget {

    private final int firstAttempts;
    private final double maxFailedShare;
    private int attemptsEnded;
    private int attemptsSucceeded;
    private int scenesFinished;
    private int scenesFailed;
    private String lastError;

    FailureBudget(int firstAttempts, double maxFailedShare) {
        this.firstAttempts = firstAttempts;
        this.maxFailedShare = maxFailedShare;
    }

    void attemptSucceeded() {
        attemptsEnded++;
        attemptsSucceeded++;
    }

    void attemptFailed(String error) {
        attemptsEnded++;
        lastError = error;
    }

    /** A scene this run worked on reached its final result. */
    void sceneFinished(boolean failed) {
        scenesFinished++;
        if (failed) {
            scenesFailed++;
        }
    }

    /** Why the run should stop submitting, if it should. */
    Optional<String> exceeded() {
        if (firstAttempts <= 0) {
            return Optional.empty();
        }
        if (attemptsSucceeded == 0 && attemptsEnded >= firstAttempts) {
            return Optional.of("the first %d RunPod attempts of this run all failed (last error: %s)".formatted(attemptsEnded, lastError));
        }
        if (scenesFinished >= firstAttempts && scenesFailed > maxFailedShare * scenesFinished) {
            return Optional.of("%d of the %d scenes finished so far FAILED, more than %.0f%% (last error: %s)"
                    .formatted(scenesFailed, scenesFinished, 100 * maxFailedShare, lastError));
        }
        return Optional.empty();
    }
}
