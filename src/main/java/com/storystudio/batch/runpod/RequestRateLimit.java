package com.storystudio.batch.runpod;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import com.storystudio.batch.time.Sleeper;

/**
 * Keeps each RunPod route under its per-endpoint limit (requests per sliding window), so the client
 * waits before sending instead of collecting 429s. Callers {@link #acquire} before every attempt and
 * {@link #release} once its answer (or failure) is in.
 * <p>
 * A request counts from its acquire until one window after its release: RunPod counts a request
 * when it arrives, and the client only knows that this was before the answer came back. Counting
 * from the release is what keeps a matching limit free of 429s, at the price of one round trip.
 * <p>
 * After a 429, {@link #blockFor} holds back every request of that route, not only the one retrying.
 * Thread-safe: each route has its own monitor, and waiting happens outside it.
 */
public final class RequestRateLimit {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<RunPodRoute, RouteWindow> windows = new EnumMap<>(RunPodRoute.class);
    private final Clock clock;
    private final Sleeper sleeper;

    public RequestRateLimit(RunPodProperties.RateLimit settings, Clock clock, Sleeper sleeper) {
        long window = settings.window().toNanos();
        for (RunPodRoute route : RunPodRoute.values()) {
            windows.put(route, new RouteWindow(settings.limitOf(route), window));
        }
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** On the system clock, sleeping for real. */
    public static RequestRateLimit of(RunPodProperties.RateLimit settings) {
        return new RequestRateLimit(settings, Clock.systemUTC(), Sleeper.REAL);
    }

    /** Blocks until a request of this route may be sent without exceeding its limit. */
    public void acquire(RunPodRoute route) throws InterruptedException {
        RouteWindow window = windows.get(route);
        long wait;
        while ((wait = window.tryAcquire()) > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }

    /** The request of an earlier {@link #acquire} got its answer, or gave up waiting for one. */
    public void release(RunPodRoute route) {
        windows.get(route).release(nowNanos());
    }

    /** RunPod said "too many": no request of this route goes out for this long from now. */
    public void blockFor(RunPodRoute route, Duration pause) {
        windows.get(route).blockUntil(nowNanos() + pause.toNanos());
    }

    private long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
    }

    /**
     * One route's permits as a ring buffer of release times, sized by the limit: the slot the next
     * request takes holds the request {@code limit} before it, the oldest one that can still count.
     * Requests are stamped in the order they were acquired with the release times in the order
     * those happened; which request gets which time does not change how many fall in a window.
     */
    private final class RouteWindow {

        private final int limit;
        private final long window;
        private final long[] releasedAt;
        private long acquired;
        private long released;
        private long blockedUntil = Long.MIN_VALUE;

        RouteWindow(int limit, long window) {
            this.limit = limit;
            this.window = window;
            this.releasedAt = new long[limit];
        }

        /** 0 when the permit is taken, else the nanoseconds to wait before asking again. */
        synchronized long tryAcquire() throws InterruptedException {
            // Every permit in flight: only a release can free one, and it will say so.
            while (limit > 0 && acquired - released >= limit) {
                wait();
            }
            long now = nowNanos();
            long allowedFrom = blockedUntil;
            if (limit > 0 && acquired >= limit) {
                allowedFrom = Math.max(allowedFrom, releasedAt[(int) (acquired % limit)] + window);
            }
            if (now >= allowedFrom) {
                acquired++;
                return 0;
            }
            return allowedFrom - now;
        }

        synchronized void release(long now) {
            if (limit == 0 || released == acquired) {
                return;
            }
            long previous = released == 0 ? Long.MIN_VALUE : releasedAt[(int) ((released - 1) % limit)];
            // Never earlier than the release before it, should the wall clock step back.
            releasedAt[(int) (released % limit)] = Math.max(now, previous);
            released++;
            notifyAll();
        }

        synchronized void blockUntil(long until) {
            blockedUntil = Math.max(blockedUntil, until);
        }
    }
}
