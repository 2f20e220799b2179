package com.storystudio.batch.worker;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storystudio.batch.persistence.OwnTransaction;
import com.storystudio.batch.persistence.Timestamps;

import com.storystudio.batch.runpod.WorkerSettings;

/**
 * The endpoint's scaling from before a run changed it. Saved before the change is sent and deleted
 * only once it has been restored, so a run that dies half-way still leaves the value the next
 * launch must restore. Each write commits on its own (REQUIRES_NEW), not with the step that
 * makes it: the step commits only after the scaling call.
 */
@Repository
public class WorkerBaselineStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public WorkerBaselineStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.template(transactionManager);
        this.clock = clock;
    }

    public Optional<WorkerSettings> find(String endpointId) {
        List<WorkerSettings> rows = jdbc.query("SELECT workers_min, idle_timeout_seconds FROM worker_baseline WHERE endpoint_id = ?",
                (rs, row) -> new WorkerSettings(rs.getInt("workers_min"), rs.getObject("idle_timeout_seconds", Integer.class)),
                endpointId);
        return rows.stream().findFirst();
    }

    public void save(String endpointId, WorkerSettings baseline) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO worker_baseline (endpoint_id, workers_min, idle_timeout_seconds, recorded_at) VALUES (?, ?, ?, ?)",
                endpointId, baseline.workersMin(), baseline.idleTimeoutSeconds(), Timestamps.of(clock.instant())));
    }

    public void delete(String endpointId) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("DELETE FROM worker_baseline WHERE endpoint_id = ?", endpointId));
    }
}
