package com.storystudio.batch.scene;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the lengths of remote audio are read before a run, under {@code storystudio.audio-probe.*}.
 *
 * @param timeout     the longest one URL's range request may take, answer and first bytes together
 * @param concurrency how many URLs are asked at once
 * @param budget      the longest all of them may take together; URLs not read by then count as the average
 */
@ConfigurationProperties("storystudio.audio-probe")
public record AudioProbeProperties(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("4") int concurrency,
        @DefaultValue("30s") Duration budget) {

    public AudioProbeProperties {
        if (timeout.isNegative() || timeout.isZero() || budget.isNegative() || concurrency < 1) {
            throw new IllegalArgumentException("storystudio.audio-probe needs a timeout above 0s, a budget of 0s or more"
                    + " and a concurrency of 1 or more");
        }
    }
}
