package com.storystudio.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatedJob;
import com.storystudio.batch.testing.EmbeddedPostgresConfiguration;
import com.storystudio.batch.testing.FunctionalTestConfiguration;
import com.storystudio.batch.testing.MediaFixtures;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.StoryboardRuns;

/**
 * The whole job against the emulator on 127.0.0.1, on a real PostgreSQL 14 as in production
 * rather than H2: the schema scripts, the migration and every query of the ledger and results
 * tables run on the production database's dialect and driver.
 */
@SpringBootTest
@ActiveProfiles("functional")
@Import({FunctionalTestConfiguration.class, EmbeddedPostgresConfiguration.class})
// The PostgreSQL server lives in this class's context: close it with the class, not at JVM exit.
@DirtiesContext
class PostgresFunctionalTests {

    private final StoryboardRuns runs;
    private final RunPodSimulator simulator;
    private final SceneResultRepository results;
    private final SubmissionLedger ledger;
    private final JdbcTemplate jdbc;

    @TempDir
    Path work;

    private int journalStart;

    @Autowired
    PostgresFunctionalTests(StoryboardRuns runs, RunPodSimulator simulator, SceneResultRepository results, SubmissionLedger ledger,
                            JdbcTemplate jdbc) {
        this.runs = runs;
        this.simulator = simulator;
        this.results = results;
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void freshEmulator() {
        simulator.faults().reset();
        journalStart = simulator.jobs().size();
    }

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
                "flyway_schema_history", "scene_submission", "scene_result", "worker_baseline");
        assertThat(jdbc.queryForList("SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema()",
                String.class)).contains("batch_job_instance_seq", "batch_job_execution_seq", "batch_step_execution_seq");

        assertThat(jdbc.queryForList("SELECT version, description, success FROM flyway_schema_history WHERE version IS NOT NULL"))
                .singleElement().satisfies(migration -> {
                    assertThat(migration.get("version")).isEqualTo("1");
                    assertThat(migration.get("description")).isEqualTo("scene ledger results and worker baseline");
                    assertThat(migration.get("success")).isEqualTo(true);
                });

        // The portable SQL of the migration meant these PostgreSQL types; a silent fallback would
        // lose time zones or make the ledger's keys client-generated.
        Map<String, Object> startedAt = column("scene_submission", "started_at");
        assertThat(startedAt.get("data_type")).isEqualTo("timestamp with time zone");
        Map<String, Object> id = column("scene_submission", "id");
        assertThat(id).containsEntry("data_type", "bigint").containsEntry("is_identity", "YES");
        assertThat(column("scene_result", "generation_time").get("data_type")).isEqualTo("double precision");
    }

    @Test
    void aStoryboardOfLocalAndRemoteScenesCompletesWithEveryVideoRecorded() throws Exception {
        Path csv = Storyboard.in(work).localScene("opening").remoteScene("street").localScene("kitchen").remoteScene("finale")
                .write("episode.csv");

        JobExecution execution = runs.run(csv);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long instance = instanceOf(execution);
        List<SceneResult> rows = results.findAll(instance);
        assertThat(rows).extracting(SceneResult::sceneId).containsExactly("opening", "street", "kitchen", "finale");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(SceneStatus.COMPLETED);
            assertThat(row.videoUrl()).startsWith(simulator.baseUrl().toString());
            assertThat(row.jobId()).isNotBlank();
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.generationTime()).isPositive();
        });

        List<String> lines = Files.readAllLines(work.resolve("out/episode-results.csv"));
        assertThat(lines.get(0)).isEqualTo("scene_id,status,video_url,job_id,generation_time,video_size_mb,resolution,sample_steps,attempts,error");
        assertThat(lines.subList(1, lines.size())).satisfiesExactly(
                line -> assertThat(line).startsWith("opening,COMPLETED,http://127.0.0.1:"),
                line -> assertThat(line).startsWith("street,COMPLETED,http://127.0.0.1:"),
                line -> assertThat(line).startsWith("kitchen,COMPLETED,http://127.0.0.1:"),
                line -> assertThat(line).startsWith("finale,COMPLETED,http://127.0.0.1:"));

        assertThat(SimulatedJobs.countByPrompt(jobsOfThisTest())).containsOnly(
                Map.entry("Scene opening speaking", 1L), Map.entry("Scene street speaking", 1L),
                Map.entry("Scene kitchen speaking", 1L), Map.entry("Scene finale speaking", 1L));
        // The ledger's aggregate and its generated keys and timestamps, read back through the driver.
        assertThat(ledger.totals(instance).submissions()).isEqualTo(4);
        assertThat(ledger.totals(instance).possibleDuplicates()).isZero();
        Submission street = ledger.latest(instance, "street").orElseThrow();
        assertThat(street.state()).isEqualTo(SubmissionState.COMPLETED);
        assertThat(street.remoteJobId()).isEqualTo(rows.get(1).jobId());
        assertThat(street.acceptedAt()).isAfterOrEqualTo(street.startedAt());
        assertThat(street.finishedAt()).isAfterOrEqualTo(street.acceptedAt());

        assertThat(simulator.endpoint().workersMin()).isZero();
        // Restored, so the baseline kept for a crashed run's successor is gone.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM worker_baseline", Integer.class)).isZero();
    }

    @Test
    void aRestartAfterFixingAMediaFileSubmitsOnlyTheSceneThatFailed() {
        Storyboard storyboard = Storyboard.in(work).localScene("keep-1").sceneWithUndecodableImage("fixme").localScene("keep-2");
        Path csv = storyboard.write("fixable.csv");
        JobExecution first = runs.run(csv);

        assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(results.findAll(instanceOf(first))).extracting(SceneResult::sceneId, SceneResult::status).containsExactly(
                tuple("keep-1", SceneStatus.COMPLETED), tuple("fixme", SceneStatus.FAILED), tuple("keep-2", SceneStatus.COMPLETED));

        MediaFixtures.png(storyboard.folder().resolve("media/fixme.png"));
        JobExecution second = runs.run(csv);

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long instance = instanceOf(second);
        assertThat(instance).isEqualTo(instanceOf(first));
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(jdbc.queryForList("SELECT status FROM batch_job_execution WHERE job_instance_id = ? ORDER BY job_execution_id",
                String.class, instance)).containsExactly("FAILED", "COMPLETED");
        assertThat(results.findAll(instance)).extracting(SceneResult::sceneId, SceneResult::status, SceneResult::attempts).containsExactly(
                tuple("keep-1", SceneStatus.COMPLETED, 1), tuple("fixme", SceneStatus.COMPLETED, 2), tuple("keep-2", SceneStatus.COMPLETED, 1));
        assertThat(results.findAll(instance)).allSatisfy(row -> assertThat(row.error()).isNull());
        // The ledger keeps both of fixme's attempts: the rejected one and the one that succeeded.
        assertThat(jdbc.queryForList("""
                SELECT scene_id, attempt, state FROM scene_submission WHERE job_instance_id = ? ORDER BY scene_id, attempt""", instance))
                .extracting(row -> row.get("scene_id"), row -> row.get("attempt"), row -> row.get("state")).containsExactly(
                        tuple("fixme", 1, "FAILED"), tuple("fixme", 2, "COMPLETED"),
                        tuple("keep-1", 1, "COMPLETED"), tuple("keep-2", 1, "COMPLETED"));
        assertThat(SimulatedJobs.countByPrompt(jobsOfThisTest())).containsOnly(
                Map.entry("Scene keep-1 speaking", 1L), Map.entry("Broken scene fixme", 2L), Map.entry("Scene keep-2 speaking", 1L));
        assertThat(simulator.endpoint().workersMin()).isZero();
    }

    private Map<String, Object> column(String table, String column) {
        return jdbc.queryForMap("""
                SELECT data_type, is_identity FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?""", table, column);
    }

    private static long instanceOf(JobExecution execution) {
        return execution.getJobInstance().getInstanceId();
    }

    private List<SimulatedJob> jobsOfThisTest() {
        List<SimulatedJob> all = simulator.jobs();
        return all.subList(journalStart, all.size());
    }
}
