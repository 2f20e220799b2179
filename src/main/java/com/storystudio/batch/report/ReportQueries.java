package com.storystudio.batch.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.persistence.Timestamps;

/** What the report reads of the application's own tables that their repositories do not offer. */
@Repository
public class ReportQueries {

    private final JdbcTemplate jdbc;

    public ReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every remote job of each scene of the instance (over all its executions), by scene, oldest attempt first. */
    public Map<String, List<RunReport.Attempt>> attempts(long jobInstanceId) {
        Map<String, List<RunReport.Attempt>> byScene = new LinkedHashMap<>();
        jdbc.query("""
                SELECT scene_id, attempt, state, started_at, accepted_at, finished_at, delay_ms, execution_ms, error
                FROM scene_submission WHERE job_instance_id = ? ORDER BY scene_id, attempt, id""",
                (RowCallbackHandler) rs -> byScene.computeIfAbsent(rs.getString("scene_id"), scene -> new ArrayList<>())
                        .add(new RunReport.Attempt(rs.getString("scene_id"), rs.getInt("attempt"), SubmissionState.valueOf(rs.getString("state")),
                                Timestamps.read(rs, "started_at"), Timestamps.read(rs, "accepted_at"), Timestamps.read(rs, "finished_at"),
                                rs.getObject("delay_ms", Long.class), rs.getObject("execution_ms", Long.class), rs.getString("error"))),
                jobInstanceId);
        return byScene;
    }

    /** The scenes whose video was downloaded: each one's file, relative to the output folder. */
    public Map<String, String> videoFiles(long jobInstanceId) {
        Map<String, String> files = new HashMap<>();
        jdbc.query("SELECT scene_id, video_file FROM scene_result WHERE job_instance_id = ? AND video_file IS NOT NULL",
                (RowCallbackHandler) rs -> files.put(rs.getString("scene_id"), rs.getString("video_file")), jobInstanceId);
        return files;
    }
}
