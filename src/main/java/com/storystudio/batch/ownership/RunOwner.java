package com.storystudio.batch.ownership;

import java.time.Duration;
import java.time.Instant;

/**
 * A row of {@code run_owner}: a StoryStudio process that registered itself.
 *
 * @param runKey the job key of the input it runs; null for a process that runs no input
 */
public record RunOwner(String ownerId, String runKey, String inputPath, ProcessIdentity process, Instant startedAt,
                       Instant heartbeatAt) {

    /**
     * Alive when its process still runs (asked of the operating system when it is on this host) or,
     * on another host, when it beat within {@code timeout} of the database's clock.
     */
    public boolean isAlive(ProcessIdentity here, Instant databaseNow, Duration timeout) {
        if (process.host().equals(here.host())) {
            return process.isRunningHere();
        }
        return Duration.between(heartbeatAt, databaseNow).compareTo(timeout) < 0;
    }

    public String describe() {
        return "%s, started %s, last heartbeat %s".formatted(process.describe(), startedAt, heartbeatAt);
    }
}
