package com.storystudio.batch.resilience;

import java.util.Random;
import java.util.function.Predicate;

import com.storystudio.batch.simulator.ObservedRequest;
import com.storystudio.batch.testing.ObservedTraffic;

/**
 * Where in a launch a test interrupts it: at the {@code nth} request of a kind, counted from the launch's
 * start, after the emulator has acted on it and before the answer is sent.
 */
record Moment(Phase phase, int nth) {

    enum Phase {
        /** The GraphQL mutation that sets workersMin to 1. */
        ENABLE,
        /** A {@code /run}: the job exists, the client never learns its id. */
        RUN,
        /** A {@code /status} poll. */
        STATUS,
        /** The GraphQL mutation that puts workersMin back to 0. */
        RESTORE
    }

    static Moment enable() {
        return new Moment(Phase.ENABLE, 1);
    }

    static Moment restore() {
        return new Moment(Phase.RESTORE, 1);
    }

    /**
     * A {@code /run} or a {@code /status}, early enough that the launch still has that many to make: the
     * remaining scenes are spread over this interruption and the {@code interruptionsAfter} that follow it, so
     * that each launch leaves work for the next.
     */
    static Moment runOrStatus(Random random, int remainingScenes, int interruptionsAfter) {
        int share = Math.max(1, remainingScenes / (interruptionsAfter + 1));
        return random.nextBoolean()
                ? new Moment(Phase.RUN, 1 + random.nextInt(share))
                // A scene takes several polls, so a share's worth of /status requests comes early in a launch.
                : new Moment(Phase.STATUS, 1 + random.nextInt(2 * share));
    }

    Predicate<ObservedRequest> matching() {
        return switch (phase) {
            case ENABLE -> ObservedTraffic.mutationSetting(1);
            case RESTORE -> ObservedTraffic.mutationSetting(0);
            case RUN -> ObservedTraffic.route("RUN");
            case STATUS -> ObservedTraffic.route("STATUS");
        };
    }

    @Override
    public String toString() {
        return phase + " #" + nth;
    }
}
