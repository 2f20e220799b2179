package com.storystudio.batch.result;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storystudio.batch.persistence.Timestamps;

/** The results table: one row per scene and job instance, replaced when a restart retries a failed scene. */
@Repository
public class SceneResultRepository {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SceneResultRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs in the caller's (chunk) transaction. */
    public void save(long jobInstanceId, List<? extends SceneResult> results) {
        var now = Timestamps.of(clock.instant());
        for (SceneResult r : results) {
            // Update-then-insert is portable across H2 and PostgreSQL; one writer per job instance.
            int updated = jdbc.update("""
                    UPDATE scene_result SET position = ?, status = ?, video_url = ?, job_id = ?, generation_time = ?, video_size_mb = ?,
                           resolution = ?, sample_steps = ?, attempts = ?, error = ?, fingerprint = ?, reused_from = ?, possible_duplicates = ?, video_file = ?,
                           recorded_at = ?
                    WHERE job_instance_id = ? AND scene_id = ?""",
                    r.position(), r.status().name(), r.videoUrl(), r.jobId(), r.generationTime(), r.videoSizeMb(), r.resolution(),
                    r.sampleSteps(), r.attempts(), r.error(), r.fingerprint(), r.reusedFrom(), r.possibleDuplicates(), r.videoFile(),
                    now, jobInstanceId, r.sceneId());
            if (updated == 0) {
                jdbc.update("""
                        INSERT INTO scene_result (job_instance_id, scene_id, position, status, video_url, job_id, generation_time,
                                                  video_size_mb, resolution, sample_steps, attempts, error, fingerprint, reused_from,
                                                  possible_duplicates, video_file, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        jobInstanceId, r.sceneId(), r.position(), r.status().name(), r.videoUrl(), r.jobId(), r.generationTime(),
                        r.videoSizeMb(), r.resolution(), r.sampleSteps(), r.attempts(), r.error(), r.fingerprint(), r.reusedFrom(),
                        r.possibleDuplicates(), r.videoFile(), now);
            }
        }
    }

    /** In input order. */
    public List<SceneResult> findAll(long jobInstanceId) {
        return jdbc.query("SELECT * FROM scene_result WHERE job_instance_id = ? ORDER BY position",
                SceneResultRepository::map, jobInstanceId);
    }

    /** The video of a scene fetched after its result was recorded (the re-run of a run whose download failed). */
    public void recordVideoFile(long jobInstanceId, String sceneId, String videoFile) {
        jdbc.update("UPDATE scene_result SET video_file = ? WHERE job_instance_id = ? AND scene_id = ?", videoFile, jobInstanceId, sceneId);
    }

    public Set<String> completedSceneIds(long jobInstanceId) {
        return new HashSet<>(jdbc.queryForList("SELECT scene_id FROM scene_result WHERE job_instance_id = ? AND status = 'COMPLETED'",
                String.class, jobInstanceId));
    }

    public ResultCounts counts(long jobInstanceId) {
        return jdbc.queryForObject("""
                SELECT COUNT(CASE WHEN status = 'COMPLETED' THEN 1 END) AS completed,
                       COUNT(CASE WHEN status = 'FAILED' THEN 1 END) AS failed
                FROM scene_result WHERE job_instance_id = ?""",
                (rs, row) -> new ResultCounts(rs.getInt("completed"), rs.getInt("failed")), jobInstanceId);
    }

    private static SceneResult map(ResultSet rs, int row) throws SQLException {
        return new SceneResult(rs.getInt("position"), rs.getString("scene_id"), SceneStatus.valueOf(rs.getString("status")),
                rs.getString("video_url"), rs.getString("job_id"), rs.getObject("generation_time", Double.class),
                rs.getObject("video_size_mb", Double.class), rs.getString("resolution"), rs.getInt("sample_steps"),
                rs.getInt("attempts"), rs.getString("error"), rs.getString("fingerprint"), rs.getString("reused_from"),
                rs.getInt("possible_duplicates"), rs.getString("video_file"));
    }
}
