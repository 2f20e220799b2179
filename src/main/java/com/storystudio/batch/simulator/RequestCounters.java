package com.storystudio.batch.simulator;

import java.util.EnumMap;
import java.util.Map;

/** Counts what the HTTP side saw. Synchronized, so a snapshot never shows half of a request's counting. */
final class RequestCounters {

    private final Map<Counter, Long> counts = new EnumMap<>(Counter.class);

    synchronized void increment(Counter counter) {
        counts.merge(counter, 1L, Long::sum);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(new EnumMap<>(counts));
    }

    /** A frozen copy of the counts. */
    record Snapshot(Map<Counter, Long> counts) {

        long get(Counter counter) {
            return counts.getOrDefault(counter, 0L);
        }
    }
}
