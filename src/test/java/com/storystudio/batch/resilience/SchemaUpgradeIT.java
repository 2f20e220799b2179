package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.PostgresPerClass;
import com.storystudio.batch.testing.StoryStudioProcess;

/**
 * The job database from one version to the next: a fresh database gets Spring Batch's
 * tables from the migrations, and a database made by the versions before them (Batch's tables from Batch's
 * own script at every start, then the application's migrations V1 to V5) upgrades in place, its past runs
 * kept, and the next run works, on H2 and PostgreSQL.
 */
class SchemaUpgradeIT extends JarAgainstEmulator {

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> BATCH_TABLES = List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION",
            "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT");
    private static final List<String> BATCH_SEQUENCES = List.of("BATCH_JOB_INSTANCE_SEQ", "BATCH_JOB_EXECUTION_SEQ",
            "BATCH_STEP_EXECUTION_SEQ");

    @RegisterExtension
    static final PostgresPerClass postgres = new PostgresPerClass();

    /** On H2; PostgresFunctionalTests checks the same of a fresh PostgreSQL database. */
    @Test
    void aFreshDatabaseGetsSpringBatchsTablesFromTheMigrations() {
        JobDatabase database = jar.database();
        Path csv = Scenes.numbered(work.resolve("project"), "f", 2).write("fresh.csv");

        StoryStudioProcess run = jar.run(csv);

        assertThat(run.waitFor(LAUNCH_TIMEOUT)).as(run::describe).isZero();
        assertThat(migrations(database)).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(names(database, "SELECT UPPER(table_name) FROM information_schema.tables WHERE UPPER(table_name) LIKE 'BATCH%'"))
                .containsExactlyInAnyOrderElementsOf(BATCH_TABLES);
        assertThat(names(database, "SELECT UPPER(sequence_name) FROM information_schema.sequences WHERE UPPER(sequence_name) LIKE 'BATCH%'"))
                .containsExactlyInAnyOrderElementsOf(BATCH_SEQUENCES);
        assertThat(database.sceneResults()).hasSize(2).allSatisfy(Scenes::completedWithVideo);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgresql"})
    void aDatabaseMadeByThePreviousVersionUpgradesInPlaceKeepsItsPastRunsAndTheNextRunWorks(String vendor) {
        JobDatabase database = database(vendor);
        long pastInstance = createAsThePreviousVersionDid(database, vendor);
        Path csv = Scenes.numbered(work.resolve("project"), "u", 3).write("upgraded.csv");

        StoryStudioProcess run = jar.run(csv);

        assertThat(run.waitFor(LAUNCH_TIMEOUT)).as(run::describe).isZero();
        assertThat(run.output()).doesNotContain("\tat ");
        assertThat(migrations(database)).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(database.jobExecutions()).as("the past run, then the one after the upgrade")
                .extracting(JobDatabase.JobExecutionRow::jobInstanceId, JobDatabase.JobExecutionRow::status)
                .first().isEqualTo(tuple(pastInstance, "COMPLETED"));
        assertThat(database.lastJobExecution().jobInstanceId()).as("ids go on from the old sequences").isGreaterThan(pastInstance);
        assertThat(database.lastJobExecution().status()).isEqualTo("COMPLETED");
        assertThat(database.sceneResults()).hasSize(3).allSatisfy(Scenes::completedWithVideo);
    }

    private JobDatabase database(String vendor) {
        useDatabase(vendor, postgres);
        return jar.database();
    }

    /**
     * What the previous version left: the application's migrations V1 to V5 (Flyway ran first, on an empty
     * database), then Spring Batch's tables from spring-batch-core's own script (Boot ran it with
     * initialize-schema=always), and one completed run. Returns that run's job instance id.
     */
    private static long createAsThePreviousVersionDid(JobDatabase database, String vendor) {
        Flyway.configure().dataSource(database.url(), database.user(), "").locations("classpath:db/migration").target("5")
                .load().migrate();
        String nextValue = vendor.equals("h2") ? "NEXT VALUE FOR %s" : "nextval('%s')";
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "")) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("org/springframework/batch/core/schema-" + vendor + ".sql"));
            try (Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) VALUES ("
                        + nextValue.formatted("BATCH_JOB_INSTANCE_SEQ") + ", 0, 'storyStudio', 'past-run-before-the-upgrade')");
                sql.execute("INSERT INTO BATCH_JOB_EXECUTION (JOB_EXECUTION_ID, VERSION, JOB_INSTANCE_ID, CREATE_TIME, START_TIME, "
                        + "END_TIME, STATUS, EXIT_CODE, EXIT_MESSAGE, LAST_UPDATED) SELECT "
                        + nextValue.formatted("BATCH_JOB_EXECUTION_SEQ") + ", 2, JOB_INSTANCE_ID, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
                        + "CURRENT_TIMESTAMP, 'COMPLETED', 'COMPLETED', '', CURRENT_TIMESTAMP FROM BATCH_JOB_INSTANCE");
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot create the previous version's schema in " + database.url(), e);
        }
        assertThat(migrations(database)).as("the previous version's history").containsExactly("1", "2", "3", "4", "5");
        return database.lastJobExecution().jobInstanceId();
    }

    private static List<String> migrations(JobDatabase database) {
        return database.query("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
                rs -> rs.getString(1));
    }

    private static List<String> names(JobDatabase database, String sql) {
        return database.query(sql, rs -> rs.getString(1));
    }
}
