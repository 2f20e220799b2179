package com.storystudio.batch.worker;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storystudio.batch.ownership.RunOwner;
import com.storystudio.batch.ownership.RunOwnership;
import com.storystudio.batch.persistence.OwnTransaction;
import com.storystudio.batch.persistence.Timestamps;

/**
 * Which live runs want an endpoint's active worker ({@code worker_lease}). A run takes its lease
 * before it looks at the endpoint and drops it before it counts the others, each committed on its
 * own: of two runs leaving at once at least one sees no other lease and restores, and a run that
 * arrives while another leaves at worst goes without the warm worker, never leaves it running.
 */
@Repository
public class WorkerLeases {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final RunOwnership ownership;
    private final Clock clock;

    public WorkerLeases(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, RunOwnership ownership, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.template(transactionManager);
        this.ownership = ownership;
        this.clock = clock;
    }

    public void acquire(String endpointId) {
        ownership.register();
        ownTransaction.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM worker_lease WHERE endpoint_id = ? AND owner_id = ?", endpointId, ownership.ownerId());
            jdbc.update("INSERT INTO worker_lease (endpoint_id, owner_id, acquired_at) VALUES (?, ?, ?)",
                    endpointId, ownership.ownerId(), Timestamps.of(clock.instant()));
        });
    }

    public void release(String endpointId) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "DELETE FROM worker_lease WHERE endpoint_id = ? AND owner_id = ?", endpointId, ownership.ownerId()));
    }

    /** Live runs other than this one holding a lease on the endpoint; leases of dead runs are reclaimed. */
    public List<RunOwner> otherHolders(String endpointId) {
        List<String> holders = ownTransaction.execute(status -> jdbc.queryForList(
                "SELECT owner_id FROM worker_lease WHERE endpoint_id = ? AND owner_id <> ?", String.class,
                endpointId, ownership.ownerId()));
        List<RunOwner> alive = ownership.alive(holders);
        List<String> aliveIds = alive.stream().map(RunOwner::ownerId).toList();
        holders.stream().filter(id -> !aliveIds.contains(id)).forEach(orphan -> ownTransaction.executeWithoutResult(status ->
                jdbc.update("DELETE FROM worker_lease WHERE endpoint_id = ? AND owner_id = ?", endpointId, orphan)));
        return alive;
    }
}
