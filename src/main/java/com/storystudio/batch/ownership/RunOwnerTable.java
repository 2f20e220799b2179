package com.storystudio.batch.ownership;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storystudio.batch.persistence.OwnTransaction;
import com.storystudio.batch.persistence.Timestamps;

/**
 * The {@code run_owner} table. Times are the database's ({@code CURRENT_TIMESTAMP}), so that
 * processes on hosts with different clocks compare heartbeats on one clock.
 */
@Repository
public class RunOwnerTable {

    private static final String COLUMNS = "owner_id, run_key, input_path, host, pid, process_started_ms, started_at, heartbeat_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public RunOwnerTable(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.template(transactionManager);
    }

    void insert(String ownerId, ProcessIdentity process) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                INSERT INTO run_owner (owner_id, host, pid, process_started_ms, started_at, heartbeat_at)
                VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
                ownerId, process.host(), process.pid(), process.startedMs()));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another row holds the run key */
    void claim(String ownerId, String runKey, String inputPath) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE run_owner SET run_key = ?, input_path = ? WHERE owner_id = ?", runKey, inputPath, ownerId));
    }

    void unclaim(String ownerId) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE run_owner SET run_key = NULL WHERE owner_id = ?", ownerId));
    }

    /** @return whether the row still exists (a process that was taken for dead has lost it) */
    boolean beat(String ownerId) {
        Integer updated = ownTransaction.execute(status -> jdbc.update(
                "UPDATE run_owner SET heartbeat_at = CURRENT_TIMESTAMP WHERE owner_id = ?", ownerId));
        return updated != null && updated > 0;
    }

    void delete(String ownerId) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM worker_lease WHERE owner_id = ?", ownerId);
            jdbc.update("DELETE FROM run_owner WHERE owner_id = ?", ownerId);
        });
    }

    Optional<RunOwner> findByRunKey(String runKey) {
        return ownTransaction.execute(status -> jdbc.query(
                "SELECT " + COLUMNS + " FROM run_owner WHERE run_key = ?", RunOwnerTable::map, runKey)).stream().findFirst();
    }

    List<RunOwner> findAll(List<String> ownerIds) {
        if (ownerIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", ownerIds.stream().map(id -> "?").toList());
        return ownTransaction.execute(status -> jdbc.query(
                "SELECT " + COLUMNS + " FROM run_owner WHERE owner_id IN (" + marks + ")", RunOwnerTable::map, ownerIds.toArray()));
    }

    Instant databaseNow() {
        return ownTransaction.execute(status -> jdbc.query("SELECT CURRENT_TIMESTAMP AS now_ts",
                (rs, row) -> Timestamps.read(rs, "now_ts"))).stream().findFirst().orElseGet(Instant::now);
    }

    private static RunOwner map(ResultSet rs, int row) throws SQLException {
        return new RunOwner(rs.getString("owner_id"), rs.getString("run_key"), rs.getString("input_path"),
                new ProcessIdentity(rs.getString("host"), rs.getLong("pid"), rs.getObject("process_started_ms", Long.class)),
                Timestamps.read(rs, "started_at"), Timestamps.read(rs, "heartbeat_at"));
    }
}
