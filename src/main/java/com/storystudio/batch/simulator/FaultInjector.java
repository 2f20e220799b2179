package com.storystudio.batch.simulator;

import java.util.List;
import java.util.Random;

/**
 * Draws the faults that {@link SimulatorFaults} switches on. A rate of 0 never draws, so turning faults off
 * leaves the random sequence, and thus a test's outcome, unchanged. {@link Random} is thread-safe.
 */
final class FaultInjector {

    /** What to do with an API request before it reaches its handler. */
    enum RequestFault { NONE, UNAVAILABLE, DROP_CONNECTION, HTTP_500, HTTP_429 }

    /** The two transient errors the seed and RunPod users report from Wan2.2 workers. */
    private static final List<String> TRANSIENT_ERRORS = List.of("CUDA not available", "worker exited unexpectedly");

    private final SimulatorFaults faults;
    private final Random random;

    FaultInjector(SimulatorFaults faults, Random random) {
        this.faults = faults;
        this.random = random;
    }

    RequestFault requestFault() {
        if (faults.isUnavailable()) {
            return RequestFault.UNAVAILABLE;
        }
        if (hits(faults.getDropConnectionRate())) {
            return RequestFault.DROP_CONNECTION;
        }
        if (hits(faults.getHttp500Rate())) {
            return RequestFault.HTTP_500;
        }
        if (hits(faults.getHttp429Rate())) {
            return RequestFault.HTTP_429;
        }
        return RequestFault.NONE;
    }

    int retryAfterSeconds() {
        return faults.getRetryAfterSeconds();
    }

    /** What happens to a GET of a video: a scripted fault first, then one drawn from the rates. */
    VideoFault videoFault() {
        VideoFault scripted = faults.takeScriptedVideoFault();
        if (scripted != VideoFault.NONE) {
            return scripted;
        }
        if (hits(faults.getVideoResetRate())) {
            return VideoFault.RESET_MID_BODY;
        }
        if (hits(faults.getVideoHttp500Rate())) {
            return VideoFault.HTTP_500;
        }
        if (hits(faults.getVideoTruncationRate())) {
            return VideoFault.TRUNCATED;
        }
        return VideoFault.NONE;
    }

    boolean videosGone() {
        return faults.isVideosGone();
    }

    boolean loseRunResponse() {
        return hits(faults.getLostRunResponseRate());
    }

    boolean jobTimesOut() {
        return hits(faults.getJobTimeoutRate());
    }

    boolean jobFailsTransiently() {
        return hits(faults.getTransientJobFailureRate());
    }

    String transientError() {
        return TRANSIENT_ERRORS.get(random.nextInt(TRANSIENT_ERRORS.size()));
    }

    /** Where in its execution a transiently failing job dies: somewhere in the middle, never at 0 or the end. */
    double failurePoint() {
        return 0.1 + 0.8 * random.nextDouble();
    }

    private boolean hits(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
