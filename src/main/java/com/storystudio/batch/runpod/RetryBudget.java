package com.storystudio.batch.runpod;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long one call may go on trying. Its retries end within {@code runpod.http.max-retry-time} of its
 * start, the attempts' own time included: no wait is begun that would end past that, and a retry's
 * request timeout is cut to what is left. The first attempt gets the whole {@code request-timeout}, so
 * that a slow but working RunPod is not cut short by a retry setting. When the {@link RetryCurfew} is
 * set, no wait ends after it and no attempt waits for its answer past it.
 */
final class RetryBudget {

    /** An HTTP request needs a positive timeout; past the end, an attempt gets this and fails at once. */
    private static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(1);

    private final RunPodProperties.Http settings;
    private final RetryCurfew curfew;
    private final Clock clock;
    private final Instant end;

    RetryBudget(RunPodProperties.Http settings, RetryCurfew curfew, Clock clock) {
        this.settings = settings;
        this.curfew = curfew;
        this.clock = clock;
        this.end = clock.instant().plus(settings.maxRetryTime());
    }

    /** The request timeout of the next attempt. */
    Duration attemptTimeout(boolean retry) {
        Duration timeout = settings.requestTimeout();
        if (retry) {
            timeout = shorter(timeout, Duration.between(clock.instant(), end));
        }
        timeout = shorter(timeout, curfew.remaining().orElse(timeout));
        return timeout.compareTo(SHORTEST_ATTEMPT) < 0 ? SHORTEST_ATTEMPT : timeout;
    }

    /** Why the call may not wait {@code delay} and try again; empty when it may. */
    Optional<String> refusal(Duration delay) {
        if (clock.instant().plus(delay).isAfter(end)) {
            return Optional.of("another retry would end past runpod.http.max-retry-time (" + readable(settings.maxRetryTime()) + ")");
        }
        if (curfew.forbids(delay)) {
            return Optional.of("another retry would end past the retry curfew (" + curfew.deadline().orElseThrow() + ")");
        }
        return Optional.empty();
    }

    static String readable(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
