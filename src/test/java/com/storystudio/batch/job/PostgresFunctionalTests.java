package com.storystudio.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
 * The job's scenarios on a real PostgreSQL 18, as in production: the migrations (Spring Batch's tables
 * included) and every query of the ledger and results tables on the production database's dialect and
 * driver; plus the schema itself.
 */
@Import({FunctionalTestConfiguration.class, EmbeddedPostgresConfiguration.class})
// The PostgreSQL server lives in this class's context: close it with the class, not at JVM exit.
@DirtiesContext
class PostgresFunctionalTests extends JobFunctionalScenarios {

    @Autowired
    RunOwnerTable owners;

    @Autowired
    ObjectProvider<BatchDataSourceScriptDatabaseInitializer> batchScript;

    @Test
    void springBatchsTablesAndTheMigrationAreCreatedInTheApplicationsOwnDatabase() throws IOException {
        // Proves the context really is on PostgreSQL, a current major, as the application's role, not on the H2 default.
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 18.");
        assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("18.");
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

        // Spring Batch's tables came from the migration (V6), not from Boot running Batch's script.
        assertThat(batchScript.getIfAvailable()).as("Boot's initializer of Batch's schema").isNull();

        // Every migration the application ships, applied in order, none failed.
        List<Map<String, Object>> applied = jdbc.queryForList(
                "SELECT version, description, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
        assertThat(applied).extracting(migration -> migration.get("version") + " " + migration.get("description"))
                .isEqualTo(shippedMigrations());
        assertThat(applied).allSatisfy(migration -> assertThat(migration).containsEntry("success", true));

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

    /**
     * The migrations in the jar for PostgreSQL, as Flyway names them: {@code V4__worker_holds.sql} is "4 worker
     * holds". The shared ones and PostgreSQL's own (spring.flyway.locations).
     */
    private static List<String> shippedMigrations() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> files = new ArrayList<>(Arrays.asList(resolver.getResources("classpath:db/migration/V*__*.sql")));
        files.addAll(Arrays.asList(resolver.getResources("classpath:db/vendor/postgresql/V*__*.sql")));
        return files.stream().map(Resource::getFilename)
                .map(name -> name.substring(1, name.length() - ".sql".length()).replaceFirst("__", " ").replace('_', ' '))
                .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(0, name.indexOf(' ')))))
                .toList();
    }
}
