package com.storystudio.batch.job;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

import com.storystudio.batch.runpod.RetryCurfew;

/**
 * A request to stop the run gracefully (SIGTERM, Ctrl-C): the generation window stops submitting,
 * leaves (or, with {@code --cancel-on-stop}, cancels) the remote jobs in flight and ends its step
 * STOPPED; the worker is restored on the way out. The first request sets the {@link RetryCurfew}, so
 * that no RunPod call, the worker's restore included, outlasts {@code storystudio.stop-timeout}.
 * One per application context.
 */
@Component
public class StopRequest {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final RetryCurfew curfew;
    private final StopProperties properties;
    private final Clock clock;

    public StopRequest(RetryCurfew curfew, StopProperties properties, Clock clock) {
        this.curfew = curfew;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return whether this was the first request */
    public boolean request() {
        if (!requested.compareAndSet(false, true)) {
            return false;
        }
        curfew.at(properties.curfewFrom(clock.instant()));
        return true;
    }

    public boolean isRequested() {
        return requested.get();
    }

    /** How long the process may take to end from the first request. */
    public Duration timeout() {
        return properties.stopTimeout();
    }
}
