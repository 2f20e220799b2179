package com.storystudio.batch.ownership;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

/**
 * This process's row in {@code run_owner}: registered when the process starts work, kept alive by
 * a heartbeat, deleted when it ends. A launch claims its input's run key here before it touches
 * the job; a claim held by a live process refuses the launch, one held by a dead process is taken
 * over (with the dead process's worker leases).
 */
public class RunOwnership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunOwnership.class);

    private final RunOwnerTable table;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final String ownerId = UUID.randomUUID().toString();
    private final ProcessIdentity process = ProcessIdentity.current();
    private ScheduledExecutorService heartbeat;

    public RunOwnership(RunOwnerTable table, Duration heartbeatInterval, Duration heartbeatTimeout) {
        this.table = table;
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    public String ownerId() {
        return ownerId;
    }

    /** Idempotent: the first call inserts this process's row and starts its heartbeat. */
    public synchronized void register() {
        if (heartbeat != null) {
            return;
        }
        table.insert(ownerId, process);
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "storystudio-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long millis = heartbeatInterval.toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Makes this process the owner of the input identified by {@code runKey}.
     *
     * @return the dead process whose claim was taken over, if there was one
     * @throws RunInProgressException when a live process holds the claim
     */
    public Optional<RunOwner> claim(String runKey, String inputPath) {
        register();
        Optional<RunOwner> takenOver = Optional.empty();
        while (true) {
            try {
                table.claim(ownerId, runKey, inputPath);
                return takenOver;
            }
            catch (DuplicateKeyException e) {
                Optional<RunOwner> holder = table.findByRunKey(runKey);
                if (holder.isEmpty()) {
                    continue; // released in the meantime
                }
                if (isAlive(holder.get(), table.databaseNow())) {
                    throw new RunInProgressException(holder.get());
                }
                log.warn("The earlier run of {} belonged to a process that is gone ({}); taking it over", inputPath,
                        holder.get().describe());
                table.delete(holder.get().ownerId());
                takenOver = holder;
            }
        }
    }

    public void unclaim() {
        if (heartbeat != null) {
            table.unclaim(ownerId);
        }
    }

    /** The live ones among the given owners; {@code run_owner} rows of dead ones are removed. */
    public List<RunOwner> alive(List<String> ownerIds) {
        List<RunOwner> rows = table.findAll(ownerIds);
        if (rows.isEmpty()) {
            return rows;
        }
        Instant now = table.databaseNow();
        List<RunOwner> dead = rows.stream().filter(row -> !isAlive(row, now)).toList();
        dead.forEach(row -> {
            log.info("Process {} is gone: releasing what it held", row.describe());
            table.delete(row.ownerId());
        });
        return rows.stream().filter(row -> !dead.contains(row)).toList();
    }

    private boolean isAlive(RunOwner owner, Instant databaseNow) {
        return owner.ownerId().equals(ownerId) || owner.isAlive(process, databaseNow, heartbeatTimeout);
    }

    private void beat() {
        try {
            if (!table.beat(ownerId)) {
                log.error("This process's run_owner row is gone: another process took it for dead (heartbeat older than {}?)",
                        heartbeatTimeout);
            }
        }
        catch (DataAccessException | IllegalStateException e) {
            log.warn("Heartbeat not recorded: {}", e.getMessage());
        }
    }

    /** Stops the heartbeat and removes this process's row (and any lease it still holds). */
    @Override
    public synchronized void close() {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdownNow();
        try {
            table.delete(ownerId);
        }
        catch (DataAccessException e) {
            log.warn("Could not remove this process's run_owner row: {}", e.getMessage());
        }
        heartbeat = null;
    }
}
