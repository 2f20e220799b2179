package com.storystudio.batch.download;

import java.time.Duration;

/**
 * Why one try at a video failed, and whether another try may succeed: an I/O error, a body cut short, a 5xx or a 429
 * may; a 404, a refusal, or bytes that are not an MP4 will not.
 *
 * @param retryAfter what the server asked to wait (a 429's or 503's {@code Retry-After}); zero when it said nothing
 */
final class DownloadFailure extends Exception {

    private final boolean transientFailure;
    private final Duration retryAfter;

    private DownloadFailure(String message, boolean transientFailure, Duration retryAfter) {
        super(message, null, false, false);
        this.transientFailure = transientFailure;
        this.retryAfter = retryAfter;
    }

    static DownloadFailure transientFailure(String message) {
        return new DownloadFailure(message, true, Duration.ZERO);
    }

    static DownloadFailure transientFailure(String message, Duration retryAfter) {
        return new DownloadFailure(message, true, retryAfter);
    }

    static DownloadFailure permanent(String message) {
        return new DownloadFailure(message, false, Duration.ZERO);
    }

    boolean isTransient() {
        return transientFailure;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
