package com.storystudio.batch.benchmark;

import java.lang.management.ManagementFactory;

import com.sun.management.OperatingSystemMXBean;

/** The CPU time this JVM has used, every thread together; -1 where the platform does not tell. */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos() {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime();
    }
}
