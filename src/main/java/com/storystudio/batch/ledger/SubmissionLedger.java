package com.storystudio.batch.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storystudio.batch.persistence.OwnTransaction;
import com.storystudio.batch.persistence.Timestamps;

/**
 * The record of every remote job each scene was given. Each write commits on its own
 * (REQUIRES_NEW), never with the chunk: a job id RunPod handed out must survive a crash a second
 * later, or the restarted run would pay for the scene again.
 */
@Repository
public class SubmissionLedger {

    private static final String COLUMNS = """
            id, job_instance_id, scene_id, attempt, fingerprint, state, remote_job_id, remote_status,
            unanswered_attempts, video_url, generation_time, video_size_mb, error, started_at, accepted_at, finished_at""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public SubmissionLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.template(transactionManager);
        this.clock = clock;
    }

    /** The scene's most recent attempt in this job instance. */
    public Optional<Submission> latest(long jobInstanceId, String sceneId) {
        List<Submission> rows = ownTransaction.execute(status -> jdbc.query(
                "SELECT " + COLUMNS + " FROM scene_submission WHERE job_instance_id = ? AND scene_id = ? ORDER BY attempt DESC FETCH FIRST 1 ROWS ONLY",
                SubmissionLedger::map, jobInstanceId, sceneId));
        return rows == null || rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Every remote job of the instance, over all its executions: by row, the oldest first. */
    public List<Submission> all(long jobInstanceId) {
        return ownTransaction.execute(status -> jdbc.query("SELECT " + COLUMNS + " FROM scene_submission WHERE job_instance_id = ? ORDER BY id",
                SubmissionLedger::map, jobInstanceId));
    }

    /**
     * Scenes of this job instance whose latest job was submitted and not seen to end: it may be running,
     * or finished with a result that RunPod keeps for 30 minutes only.
     */
    public Set<String> scenesWithLiveJob(long jobInstanceId) {
        return liveJobs(jobInstanceId).keySet();
    }

    /** Each scene whose latest job is live on RunPod, with that job's id. */
    public Map<String, String> liveJobs(long jobInstanceId) {
        Map<String, String> live = new LinkedHashMap<>();
        ownTransaction.executeWithoutResult(status -> jdbc.query("""
                SELECT s.scene_id, s.remote_job_id FROM scene_submission s
                WHERE s.job_instance_id = ? AND s.state = 'SUBMITTED'
                  AND s.attempt = (SELECT MAX(t.attempt) FROM scene_submission t
                                   WHERE t.job_instance_id = s.job_instance_id AND t.scene_id = s.scene_id)""",
                (RowCallbackHandler) row -> live.put(row.getString("scene_id"), row.getString("remote_job_id")), jobInstanceId));
        return Collections.unmodifiableMap(live);
    }

    /**
     * The most recent COMPLETED job of any run, of this or another input, for the same scene content
     * on the same endpoint: its video can be reused instead of paid for again.
     */
    public Optional<Submission> latestCompleted(String fingerprint, String endpointId) {
        List<Submission> rows = ownTransaction.execute(status -> jdbc.query(
                "SELECT " + COLUMNS + " FROM scene_submission WHERE fingerprint = ? AND endpoint_id = ? AND state = 'COMPLETED' "
                        + "ORDER BY finished_at DESC, id DESC FETCH FIRST 1 ROWS ONLY",
                SubmissionLedger::map, fingerprint, endpointId));
        return rows == null || rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Submissions of the scene that may have been paid for without giving it its video: rows left
     * SUBMITTING by a process that died mid-call, {@code /run} attempts whose answer was lost, and
     * jobs RunPod forgot before we saw them end (VANISHED), which may have completed unseen.
     */
    public int possibleDuplicates(long jobInstanceId, String sceneId) {
        Integer count = ownTransaction.execute(status -> jdbc.queryForObject("""
                SELECT COUNT(CASE WHEN state IN ('SUBMITTING', 'VANISHED') THEN 1 END) + COALESCE(SUM(unanswered_attempts), 0)
                FROM scene_submission WHERE job_instance_id = ? AND scene_id = ?""", Integer.class, jobInstanceId, sceneId));
        return count == null ? 0 : count;
    }

    /** Written before {@code /run} is sent, for a scene whose audio length is not known. */
    public Submission begin(long jobInstanceId, String sceneId, int attempt, String fingerprint, String endpointId) {
        return begin(jobInstanceId, sceneId, attempt, fingerprint, endpointId, null);
    }

    /**
     * Written before {@code /run} is sent.
     *
     * @param audioSeconds how long the scene's audio plays, null when unknown: what the estimate learns the GPU's rate from
     */
    public Submission begin(long jobInstanceId, String sceneId, int attempt, String fingerprint, String endpointId, Double audioSeconds) {
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        ownTransaction.executeWithoutResult(status -> jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO scene_submission (job_instance_id, scene_id, attempt, fingerprint, endpoint_id, state, started_at, audio_seconds)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            statement.setLong(1, jobInstanceId);
            statement.setString(2, sceneId);
            statement.setInt(3, attempt);
            statement.setString(4, fingerprint);
            statement.setString(5, endpointId);
            statement.setString(6, SubmissionState.SUBMITTING.name());
            statement.setObject(7, Timestamps.of(now));
            statement.setObject(8, audioSeconds, Types.DOUBLE);
            return statement;
        }, keys));
        long id = keys.getKeyAs(Number.class).longValue();
        return new Submission(id, jobInstanceId, sceneId, attempt, fingerprint, SubmissionState.SUBMITTING,
                null, null, 0, null, null, null, null, now, null, null);
    }

    public void accepted(long id, String remoteJobId, String remoteStatus, int unansweredAttempts) {
        update("UPDATE scene_submission SET state = ?, remote_job_id = ?, remote_status = ?, unanswered_attempts = ?, accepted_at = ? WHERE id = ?",
                SubmissionState.SUBMITTED.name(), remoteJobId, remoteStatus, unansweredAttempts, Timestamps.of(clock.instant()), id);
    }

    /** {@code /run} did not create a job, but may have sent some unanswered attempts before failing. */
    public void notSubmitted(long id, int unansweredAttempts, String reason) {
        update("UPDATE scene_submission SET state = ?, unanswered_attempts = ?, error = ?, finished_at = ? WHERE id = ?",
                SubmissionState.NOT_SUBMITTED.name(), unansweredAttempts, truncate(reason), Timestamps.of(clock.instant()), id);
    }

    public void completed(long id, RemoteEnd remote, String videoUrl, Double generationTime, Double videoSizeMb) {
        update("""
                UPDATE scene_submission SET state = ?, remote_status = ?, delay_ms = ?, execution_ms = ?, video_url = ?, generation_time = ?,
                       video_size_mb = ?, finished_at = ? WHERE id = ?""",
                SubmissionState.COMPLETED.name(), remote.status(), remote.delayMs(), remote.executionMs(), videoUrl, generationTime,
                videoSizeMb, Timestamps.of(clock.instant()), id);
    }

    /** A terminal state other than COMPLETED: FAILED, CANCELLED, TIMED_OUT, VANISHED or EXPIRED, with what RunPod said of it. */
    public void ended(long id, SubmissionState state, RemoteEnd remote, String error) {
        update("UPDATE scene_submission SET state = ?, remote_status = ?, delay_ms = ?, execution_ms = ?, error = ?, finished_at = ? WHERE id = ?",
                state.name(), remote.status(), remote.delayMs(), remote.executionMs(), truncate(error), Timestamps.of(clock.instant()), id);
    }

    public LedgerTotals totals(long jobInstanceId) {
        return ownTransaction.execute(status -> jdbc.queryForObject("""
                SELECT COUNT(CASE WHEN state <> 'NOT_SUBMITTED' THEN 1 END) + COALESCE(SUM(unanswered_attempts), 0) AS submissions,
                       COUNT(CASE WHEN state IN ('SUBMITTING', 'VANISHED') THEN 1 END) + COALESCE(SUM(unanswered_attempts), 0) AS possible_duplicates,
                       COUNT(CASE WHEN state = 'EXPIRED' THEN 1 END) AS expired,
                       COALESCE(SUM(execution_ms), 0) AS execution_ms, COALESCE(SUM(delay_ms), 0) AS delay_ms
                FROM scene_submission WHERE job_instance_id = ?""",
                (rs, row) -> new LedgerTotals(rs.getLong("submissions"), rs.getLong("possible_duplicates"), rs.getLong("expired"),
                        rs.getLong("execution_ms") / 1000.0, rs.getLong("delay_ms") / 1000.0),
                jobInstanceId));
    }

    /** The GPU seconds each scene's jobs were billed for, over all runs of the instance; scenes without any are left out. */
    public Map<String, Double> gpuSecondsByScene(long jobInstanceId) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        ownTransaction.executeWithoutResult(status -> jdbc.query("""
                SELECT scene_id, SUM(execution_ms) AS execution_ms FROM scene_submission
                WHERE job_instance_id = ? AND execution_ms IS NOT NULL GROUP BY scene_id""",
                (RowCallbackHandler) row -> seconds.put(row.getString("scene_id"), row.getLong("execution_ms") / 1000.0), jobInstanceId));
        return Collections.unmodifiableMap(seconds);
    }

    private void update(String sql, Object... args) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(sql, args));
    }


    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static Submission map(ResultSet rs, int row) throws SQLException {
        return new Submission(rs.getLong("id"), rs.getLong("job_instance_id"), rs.getString("scene_id"), rs.getInt("attempt"),
                rs.getString("fingerprint"), SubmissionState.valueOf(rs.getString("state")), rs.getString("remote_job_id"),
                rs.getString("remote_status"), rs.getInt("unanswered_attempts"), rs.getString("video_url"),
                rs.getObject("generation_time", Double.class), rs.getObject("video_size_mb", Double.class),
                rs.getString("error"), Timestamps.read(rs, "started_at"), Timestamps.read(rs, "accepted_at"), Timestamps.read(rs, "finished_at"));
    }
}
