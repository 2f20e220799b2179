package com.storystudio.batch.download;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How videos are fetched with {@code --download}, and how a reused video's address is checked, under
 * {@code storystudio.download.*}.
 *
 * @param concurrency    videos fetched at once: bounded, so a burst of finished scenes does not open a
 *                       connection each to the storage that serves them
 * @param attempts       tries per video (transient failures only: an I/O error, a body cut short, 5xx, 429)
 * @param retryDelay     wait before the second try, doubling after each further one (at most 32 times)
 * @param connectTimeout to open a connection
 * @param readTimeout    longest wait for the next bytes of an answer: a stalled body fails the attempt
 * @param probeTimeout   for the one short request that checks whether a reused video's address still answers
 */
@ConfigurationProperties("storystudio.download")
public record DownloadProperties(
        @DefaultValue("4") int concurrency,
        @DefaultValue("4") int attempts,
        @DefaultValue("1s") Duration retryDelay,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue("5s") Duration probeTimeout) {

    public DownloadProperties {
        if (concurrency < 1 || attempts < 1) {
            throw new IllegalArgumentException("storystudio.download.concurrency and .attempts must be at least 1");
        }
    }

    /** The wait before try {@code attempt + 1}, after {@code attempt} failed. */
    Duration backoff(int attempt) {
        return retryDelay.multipliedBy(1L << Math.min(attempt - 1, 5));
    }
}
