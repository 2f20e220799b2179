package com.storystudio.batch.runpod;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A moment after which no RunPod call waits for another retry. Set when the run must end within a
 * bound (a graceful stop, which systemd or Kubernetes would otherwise kill): from then on a call
 * that fails gives up instead of backing off past the curfew, and whatever still has to be done
 * on the way out (putting the worker back) knows how much time is left. One per application context.
 */
public final class RetryCurfew {

    private final Clock clock;
    private final AtomicReference<Instant> deadline = new AtomicReference<>();

    public RetryCurfew(Clock clock) {
        this.clock = clock;
    }

    /** From now on, retries stop at {@code at}; an earlier curfew already set stays. */
    public void at(Instant at) {
        deadline.accumulateAndGet(at, (current, next) -> current == null || next.isBefore(current) ? next : current);
    }

    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline.get());
    }

    /** Time left before the curfew; unbounded ({@link Optional#empty()}) when none is set. */
    public Optional<Duration> remaining() {
        return deadline().map(at -> {
            Duration left = Duration.between(clock.instant(), at);
            return left.isNegative() ? Duration.ZERO : left;
        });
    }

    /** Whether a wait of {@code delay} starting now would end after the curfew. */
    public boolean forbids(Duration delay) {
        return deadline().map(at -> clock.instant().plus(delay).isAfter(at)).orElse(false);
    }
}
