package com.storystudio.batch.worker;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storystudio.batch.runpod.WorkerSettings;

/**
 * The endpoint's scaling from before a run changed it. Saved (committed) before the change is sent
 * and deleted only once it has been restored, so a run that dies half-way still leaves the value
 * the next launch must restore.
 */
@Repository
public class WorkerBaselineStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WorkerBaselineStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<WorkerSettings> find(String endpointId) {
        List<WorkerSettings> rows = jdbc.query("SELECT workers_min, idle_timeout_seconds FROM worker_baseline WHERE endpoint_id = ?",
                (rs, row) -> new WorkerSettings(rs.getInt("workers_min"), rs.getObject("idle_timeout_seconds", Integer.class)),
                endpointId);
        return rows.stream().findFirst();
    }

    public void save(String endpointId, WorkerSettings baseline) {
        jdbc.update("INSERT INTO worker_baseline (endpoint_id, workers_min, idle_timeout_seconds, recorded_at) VALUES (?, ?, ?, ?)",
                endpointId, baseline.workersMin(), baseline.idleTimeoutSeconds(), clock.instant().atOffset(ZoneOffset.UTC));
    }

    public void delete(String endpointId) {
        jdbc.update("DELETE FROM worker_baseline WHERE endpoint_id = ?", endpointId);
    }
}
