package com.storystudio.batch.ownership;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * A process as another process can recognise it: host, pid and the pid's start time (so that a
 * pid reused after a reboot or by another program is not taken for the original owner).
 */
public record ProcessIdentity(String host, long pid, Long startedMs) {

    public static ProcessIdentity current() {
        ProcessHandle self = ProcessHandle.current();
        return new ProcessIdentity(hostName(), self.pid(), startMillis(self).orElse(null));
    }

    /**
     * Whether this process is still running, answered from the operating system. Only meaningful on
     * the same host; elsewhere only the heartbeat can tell.
     */
    public boolean isRunningHere() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Optional<Long> started = startMillis(handle.get());
        return startedMs == null || started.isEmpty() || Math.abs(started.get() - startedMs) < 1000;
    }

    public String describe() {
        return "pid %d on %s".formatted(pid, host);
    }

    private static Optional<Long> startMillis(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown-host" : fromEnvironment;
        }
    }
}
