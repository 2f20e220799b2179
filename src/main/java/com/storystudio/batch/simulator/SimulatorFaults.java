package com.storystudio.batch.simulator;

/**
 * Live fault switches of a running simulator. Every rate is a probability in 0..1 drawn per request (HTTP
 * faults) or per job (job faults); tests flip them while clients are running, hence volatile fields.
 * HTTP faults apply to every API route (/v2/..., /graphql), never to /videos.
 */
public final class SimulatorFaults {

    private static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

    private volatile double http500Rate;
    private volatile double http429Rate;
    private volatile int retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    private volatile double dropConnectionRate;
    private volatile double lostRunResponseRate;
    private volatile double transientJobFailureRate;
    private volatile double jobTimeoutRate;
    private volatile boolean unavailable;
    private volatile boolean ignoreMediaRanges;

    /** Turns every fault off again. */
    public void reset() {
        http500Rate = 0;
        http429Rate = 0;
        retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
        dropConnectionRate = 0;
        lostRunResponseRate = 0;
        transientJobFailureRate = 0;
        jobTimeoutRate = 0;
        unavailable = false;
        ignoreMediaRanges = false;
    }

    /** Share of API requests answered 500 without being processed. */
    public double getHttp500Rate() {
        return http500Rate;
    }

    public void setHttp500Rate(double rate) {
        http500Rate = probability(rate, "http500Rate");
    }

    /** Share of API requests answered 429 with a {@code Retry-After} header, without being processed. */
    public double getHttp429Rate() {
        return http429Rate;
    }

    public void setHttp429Rate(double rate) {
        http429Rate = probability(rate, "http429Rate");
    }

    /** Value of the {@code Retry-After} header sent with an injected 429. */
    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public void setRetryAfterSeconds(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0, was " + seconds);
        }
        retryAfterSeconds = seconds;
    }

    /** Share of API requests whose connection is closed, unanswered, before anything is done. */
    public double getDropConnectionRate() {
        return dropConnectionRate;
    }

    public void setDropConnectionRate(double rate) {
        dropConnectionRate = probability(rate, "dropConnectionRate");
    }

    /** Share of accepted /run requests whose job is created and queued, but whose answer is lost. */
    public double getLostRunResponseRate() {
        return lostRunResponseRate;
    }

    public void setLostRunResponseRate(double rate) {
        lostRunResponseRate = probability(rate, "lostRunResponseRate");
    }

    /** Share of jobs that would complete but fail part-way with a transient worker error. */
    public double getTransientJobFailureRate() {
        return transientJobFailureRate;
    }

    public void setTransientJobFailureRate(double rate) {
        transientJobFailureRate = probability(rate, "transientJobFailureRate");
    }

    /** Share of jobs that hang until their policy.executionTimeout and end TIMED_OUT. */
    public double getJobTimeoutRate() {
        return jobTimeoutRate;
    }

    public void setJobTimeoutRate(double rate) {
        jobTimeoutRate = probability(rate, "jobTimeoutRate");
    }

    /** When true every API request is answered 503, as during a RunPod outage. */
    public boolean isUnavailable() {
        return unavailable;
    }

    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    /** When true /media answers every request with the whole file and 200, ignoring {@code Range}. */
    public boolean isIgnoreMediaRanges() {
        return ignoreMediaRanges;
    }

    public void setIgnoreMediaRanges(boolean ignore) {
        this.ignoreMediaRanges = ignore;
    }

    private static double probability(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1, was " + rate);
        }
        return rate;
    }
}
