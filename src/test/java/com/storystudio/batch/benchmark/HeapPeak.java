package com.storystudio.batch.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The peak heap of this JVM across a scenario: the application and the emulator both live here. The
 * sum of each heap pool's own peak, which may slightly overstate the true peak (pools peak at
 * different moments), never understate it.
 */
final class HeapPeak {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();

    /** Starts a measurement from a collected heap, so that an earlier scenario's garbage does not count. */
    void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    long peakBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
