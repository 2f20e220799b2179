package com.storystudio.batch.job;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * A request to stop the run gracefully (SIGTERM, Ctrl-C): the generation window stops submitting,
 * leaves (or, with {@code --cancel-on-stop}, cancels) the remote jobs in flight and ends its step
 * STOPPED; the worker is restored on the way out. One per application context.
 */
@Component
public class StopRequest {

    private final AtomicBoolean requested = new AtomicBoolean();

    /** @return whether this was the first request */
    public boolean request() {
        return requested.compareAndSet(false, true);
    }

    public boolean isRequested() {
        return requested.get();
    }
}
