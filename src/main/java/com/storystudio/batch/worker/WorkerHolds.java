package com.storystudio.batch.worker;

import java.time.Clock;
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
 * When each run held the endpoint's active worker ({@code worker_hold}): for the cost it added and the
 * report's timeline. Each write commits on its own, like the baseline's: the step commits only later.
 */
@Repository
public class WorkerHolds {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public WorkerHolds(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.template(transactionManager);
        this.clock = clock;
    }

    /** The execution holds the worker from now, unless it already does. */
    public void held(String endpointId, long jobInstanceId, long jobExecutionId, int activeWorkers) {
        ownTransaction.executeWithoutResult(status -> {
            Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM worker_hold WHERE job_execution_id = ? AND released_at IS NULL",
                    Integer.class, jobExecutionId);
            if (open == null || open == 0) {
                jdbc.update("INSERT INTO worker_hold (endpoint_id, job_instance_id, job_execution_id, active_workers, held_from) "
                        + "VALUES (?, ?, ?, ?, ?)", endpointId, jobInstanceId, jobExecutionId, activeWorkers, Timestamps.of(clock.instant()));
            }
        });
    }

    /** The execution no longer holds it (handed back, or left to another run). */
    public void released(long jobExecutionId) {
        releasedAt(jobExecutionId, clock.instant());
    }

    /**
     * The execution's process died holding it: its hold is counted up to the last sign of life, not up to
     * whenever someone looks. The next run's own hold starts when it enables the worker again.
     */
    public void releasedAt(long jobExecutionId, Instant lastSeen) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE worker_hold SET released_at = ? WHERE job_execution_id = ? AND released_at IS NULL",
                Timestamps.of(lastSeen), jobExecutionId));
    }

    /** Every hold of the input's runs (all its job executions), oldest first. */
    public List<WorkerHold> ofInstance(long jobInstanceId) {
        return jdbc.query("SELECT job_execution_id, active_workers, held_from, released_at FROM worker_hold "
                        + "WHERE job_instance_id = ? ORDER BY held_from, id",
                (rs, row) -> new WorkerHold(rs.getLong("job_execution_id"), rs.getInt("active_workers"),
                        Timestamps.read(rs, "held_from"), Optional.ofNullable(Timestamps.read(rs, "released_at"))),
                jobInstanceId);
    }
}
