package com.storystudio.batch.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * RunPod's per-endpoint request limits: at most this many requests of a route per {@code window} of
 * simulated time; beyond that the endpoint answers 429.
 */
public record RequestLimits(Duration window, int run, int status, int cancel) {

    public RequestLimits {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        if (run < 1 || status < 1 || cancel < 1) {
            throw new IllegalArgumentException("request limits must be at least 1, were run %d, status %d, cancel %d"
                    .formatted(run, status, cancel));
        }
    }

    /** RunPod's documented numbers: 1000 /run, 2000 /status and 100 /cancel per 10 s. */
    public static RequestLimits runPod() {
        return new RequestLimits(Duration.ofSeconds(10), 1000, 2000, 100);
    }
}
