package com.storystudio.batch.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The job database of launched jars, read from the test JVM over plain JDBC: an H2 file ({@link #in}) or a
 * PostgreSQL database ({@link #at}, e.g. from {@link PostgresServer}). The H2 URL has H2's
 * {@code AUTO_SERVER=TRUE}: whichever process opens the file first serves it to the others, so the test
 * can read it while a launch runs, and several launches can share it. Each read opens and closes its own
 * connection, so that the test JVM never stays the database's server once it has looked. Do not read
 * while a launch may be SIGKILLed: a connection served by that launch breaks with it.
 */
public final class JobDatabase {

    /**
     * The one place the URL is written: {@code %s} is the database file without its {@code .mv.db}. The
     * options are those of the application's default URL (application.properties), so that launches behave
     * as a user's would: {@code WRITE_DELAY=0} in particular, without which H2 holds commits back for up to
     * 500 ms and a SIGKILL loses a ledger row or job id the application had already committed.
     */
    public static final String H2_URL_FORMAT = "jdbc:h2:file:%s;AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0";

    /** The user of application.properties' H2 default. */
    private static final String H2_USER = "sa";

    private final String url;
    private final String user;

    private JobDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** The H2 database {@code <folder>/db/storystudio}. */
    public static JobDatabase in(Path folder) {
        return new JobDatabase(H2_URL_FORMAT.formatted(folder.toAbsolutePath().resolve("db/storystudio")), H2_USER);
    }

    /** Any other database, as {@code user} with no password (a local PostgreSQL trusting its clients). */
    public static JobDatabase at(String url, String user) {
        return new JobDatabase(url, user);
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** The {@code --spring.datasource.*} arguments that point a launch at this database. */
    public List<String> launchArguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user);
    }

    /** A row of {@code scene_result}. */
    public record SceneResultRow(long jobInstanceId, String sceneId, String status, String videoUrl) {
    }

    /** A row of {@code scene_submission}, the ledger: one per remote job (or attempt at one). */
    public record SubmissionRow(long jobInstanceId, String sceneId, int attempt, String state, String remoteJobId,
                                int unansweredAttempts) {
    }

    /** A row of Spring Batch's {@code BATCH_JOB_EXECUTION}. */
    public record JobExecutionRow(long executionId, long jobInstanceId, String status, String exitCode) {
    }

    public List<SceneResultRow> sceneResults() {
        return query("SELECT job_instance_id, scene_id, status, video_url FROM scene_result ORDER BY job_instance_id, position",
                rs -> new SceneResultRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public List<SubmissionRow> submissions() {
        return query("""
                SELECT job_instance_id, scene_id, attempt, state, remote_job_id, unanswered_attempts
                FROM scene_submission ORDER BY id""",
                rs -> new SubmissionRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6)));
    }

    public List<JobExecutionRow> jobExecutions() {
        return query("SELECT JOB_EXECUTION_ID, JOB_INSTANCE_ID, STATUS, EXIT_CODE FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                rs -> new JobExecutionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
    }

    /** The latest execution; fails if there is none. */
    public JobExecutionRow lastJobExecution() {
        List<JobExecutionRow> executions = jobExecutions();
        if (executions.isEmpty()) {
            throw new AssertionError("no BATCH_JOB_EXECUTION row in " + url);
        }
        return executions.get(executions.size() - 1);
    }

    /**
     * Remote jobs that may exist without the ledger knowing their id: rows still SUBMITTING (the process died
     * while {@code /run} was on its way) plus {@code /run} attempts whose answer was lost after sending.
     */
    public long possibleDuplicates() {
        return query("""
                SELECT COUNT(CASE WHEN state = 'SUBMITTING' THEN 1 END) + COALESCE(SUM(unanswered_attempts), 0)
                FROM scene_submission""", rs -> rs.getLong(1)).get(0);
    }

    /** Any other question, for a test that needs one. */
    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.map(rs));
                }
            }
            return rows;
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot read the job database " + url + ": " + e.getMessage(), e);
        }
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
