package com.storystudio.batch.simulator;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live fault switches of a running simulator. Every rate is a probability in 0..1 drawn per request (HTTP
 * faults) or per job (job faults); tests flip them while clients are running, hence volatile fields.
 * HTTP faults apply to every API route (/v2/..., /graphql), never to /videos; video faults apply to GETs of
 * /videos only: first those scripted with {@link #failNextVideos}, then the rates.
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
    private volatile double videoResetRate;
    private volatile double videoHttp500Rate;
    private volatile double videoTruncationRate;
    private volatile boolean videosGone;
    private final AtomicInteger scriptedVideoFaults = new AtomicInteger();
    private volatile VideoFault scriptedVideoFault = VideoFault.NONE;
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
        videoResetRate = 0;
        videoHttp500Rate = 0;
        videoTruncationRate = 0;
        videosGone = false;
        scriptedVideoFaults.set(0);
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

    /** Share of video GETs whose connection closes a few bytes into the body. */
    public double getVideoResetRate() {
        return videoResetRate;
    }

    public void setVideoResetRate(double rate) {
        videoResetRate = probability(rate, "videoResetRate");
    }

    /** Share of video GETs answered 500. */
    public double getVideoHttp500Rate() {
        return videoHttp500Rate;
    }

    public void setVideoHttp500Rate(double rate) {
        videoHttp500Rate = probability(rate, "videoHttp500Rate");
    }

    /** Share of video GETs that announce the whole length, send three quarters of it and close. */
    public double getVideoTruncationRate() {
        return videoTruncationRate;
    }

    public void setVideoTruncationRate(double rate) {
        videoTruncationRate = probability(rate, "videoTruncationRate");
    }

    /** The next {@code count} video GETs fail with {@code fault}, whatever the rates: for tests that need it exactly. */
    public void failNextVideos(VideoFault fault, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        scriptedVideoFault = fault;
        scriptedVideoFaults.set(count);
    }

    /** Takes one scripted video fault, if any is left. */
    VideoFault takeScriptedVideoFault() {
        return scriptedVideoFaults.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? scriptedVideoFault : VideoFault.NONE;
    }

    /** When true every video answers 404, as a storage that expired them would. */
    public boolean isVideosGone() {
        return videosGone;
    }

    public void setVideosGone(boolean gone) {
        videosGone = gone;
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
