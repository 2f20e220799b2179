package com.storystudio.batch.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Enforces {@link RequestLimits} on /run, /status and /cancel over a sliding window of simulated time.
 * Each route keeps the arrival times of its last {@code limit} admitted requests in a ring buffer; a
 * request is refused while the oldest of them is still inside the window. Refused requests do not count.
 */
final class RequestLimiter {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<Route, Window> windows = new EnumMap<>(Route.class);
    private final SimulationClock clock;

    RequestLimiter(RequestLimits limits, SimulationClock clock) {
        long window = limits.window().toNanos();
        windows.put(Route.RUN, new Window(limits.run(), window));
        windows.put(Route.STATUS, new Window(limits.status(), window));
        windows.put(Route.CANCEL, new Window(limits.cancel(), window));
        this.clock = clock;
    }

    /**
     * Empty when the request is admitted (and counted); else the {@code Retry-After} in whole simulated
     * seconds, at least 1, as RunPod would send it.
     */
    OptionalLong admit(Route route) {
        Window window = windows.get(route);
        return window == null ? OptionalLong.empty() : window.admit(clock.elapsedNanos());
    }

    private static final class Window {

        private final long[] arrivals;
        private final long length;
        private long admitted;

        Window(int limit, long length) {
            this.arrivals = new long[limit];
            this.length = length;
        }

        synchronized OptionalLong admit(long now) {
            int slot = (int) (admitted % arrivals.length);
            if (admitted >= arrivals.length) {
                long wait = arrivals[slot] + length - now;
                if (wait > 0) {
                    return OptionalLong.of(Math.max(1, (wait + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
                }
            }
            arrivals[slot] = now;
            admitted++;
            return OptionalLong.empty();
        }
    }
}
