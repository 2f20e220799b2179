package com.storystudio.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import com.storystudio.batch.ownership.ProcessIdentity;
import com.storystudio.batch.ownership.RunInProgressException;
import com.storystudio.batch.ownership.RunOwner;
import com.storystudio.batch.ownership.RunOwnerTable;
import com.storystudio.batch.ownership.RunOwnership;
import com.storystudio.batch.testing.DeadProcess;
import com.storystudio.batch.testing.EmbeddedPostgresConfiguration;
import com.storystudio.batch.testing.FunctionalTestConfiguration;

/**
 * The job's scenarios on a real PostgreSQL 14, as in production: the schema scripts, the migration
 * and every query of the ledger and results tables on the production database's dialect and
 * driver; plus the schema itself.
 */
@Import({FunctionalTestConfiguration.class, EmbeddedPostgresConfiguration.class})
// The PostgreSQL server lives in this class's context: close it with the class, not at JVM exit.
@DirtiesContext
class PostgresFunctionalTests extends JobFunctionalScenarios {

    @Autowired
    RunOwnerTable owners;

    @Test
    void springBatchsTablesAndTheMigrationAreCreatedInTheApplicationsOwnDatabase() {
        // Proves the context really is on PostgreSQL, as the application's role, not on the H2 default.
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 14.");
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(EmbeddedPostgresConfiguration.ROLE);
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(EmbeddedPostgresConfiguration.DATABASE);

        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""", String.class);
        assertThat(tables).contains(
                "batch_job_instance", "batch_job_execution", "batch_job_execution_params", "batch_job_execution_context",
                "batch_step_execution", "batch_step_execution_context",
                "flyway_schema_history", "scene_submission", "scene_result", "worker_baseline", "run_owner", "worker_lease");
        assertThat(jdbc.queryForList("SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema()",
                String.class)).contains("batch_job_instance_seq", "batch_job_execution_seq", "batch_step_execution_seq");

        assertThat(jdbc.queryForList("SELECT version, description, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank"))
                .satisfiesExactly(
                        migration -> assertThat(migration).containsEntry("version", "1")
                                .containsEntry("description", "scene ledger results and worker baseline").containsEntry("success", true),
                        migration -> assertThat(migration).containsEntry("version", "2")
                                .containsEntry("description", "run owners worker leases and reuse").containsEntry("success", true),
                        migration -> assertThat(migration).containsEntry("version", "3")
                                .containsEntry("description", "job timings").containsEntry("success", true),
                        migration -> assertThat(migration).containsEntry("version", "4")
                                .containsEntry("description", "worker holds and video files").containsEntry("success", true));

        // The portable SQL of the migration meant these PostgreSQL types; a silent fallback would
        // lose time zones or make the ledger's keys client-generated.
        Map<String, Object> startedAt = column("scene_submission", "started_at");
        assertThat(startedAt.get("data_type")).isEqualTo("timestamp with time zone");
        Map<String, Object> id = column("scene_submission", "id");
        assertThat(id).containsEntry("data_type", "bigint").containsEntry("is_identity", "YES");
        assertThat(column("scene_result", "generation_time").get("data_type")).isEqualTo("double precision");
    }

    private Map<String, Object> column(String table, String column) {
        return jdbc.queryForMap("""
                SELECT data_type, is_identity FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?""", table, column);
    }

    @Test
    void runClaimsRefuseALiveOwnerAndTakeOverADeadOneOnPostgres() {
        RunOwnership nightly = new RunOwnership(owners, Duration.ofSeconds(10), Duration.ofSeconds(60));
        RunOwnership manual = new RunOwnership(owners, Duration.ofSeconds(10), Duration.ofSeconds(60));
        try {
            nightly.claim("pg-run-key", "/stories/pg.csv");
            assertThatThrownBy(() -> manual.claim("pg-run-key", "/stories/pg.csv")).isInstanceOf(RunInProgressException.class);

            ProcessIdentity dead = DeadProcess.onThisHost();
            jdbc.update("UPDATE run_owner SET pid = ?, process_started_ms = ? WHERE owner_id = ?", dead.pid(), dead.startedMs(),
                    nightly.ownerId());
            assertThat(manual.claim("pg-run-key", "/stories/pg.csv")).get().extracting(RunOwner::ownerId)
                    .isEqualTo(nightly.ownerId());
        }
        finally {
            nightly.close();
            manual.close();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_owner WHERE owner_id IN (?, ?)", Integer.class,
                nightly.ownerId(), manual.ownerId())).isZero();
    }
}
