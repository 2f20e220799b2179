package com.storystudio.batch.estimate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.storystudio.batch.scene.Resolution;

/**
 * The completed jobs of earlier runs on an endpoint whose audio length was recorded, newest first: the ledger
 * has the GPU time and the audio, the scene's result its resolution and steps. Only the most recent ones count,
 * since an endpoint's GPU or model can change.
 */
@Repository
public class JobHistory {

    static final int MOST_RECENT = 1000;

    private final JdbcTemplate jdbc;

    public JobHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<PastJob> completedOn(String endpointId) {
        return jdbc.query("""
                SELECT r.resolution, r.sample_steps, s.audio_seconds, s.execution_ms
                FROM scene_submission s
                JOIN scene_result r ON r.job_instance_id = s.job_instance_id AND r.scene_id = s.scene_id
                WHERE s.endpoint_id = ? AND s.state = 'COMPLETED' AND s.audio_seconds IS NOT NULL AND s.execution_ms > 0
                ORDER BY s.finished_at DESC, s.id DESC FETCH FIRST %d ROWS ONLY""".formatted(MOST_RECENT),
                (rs, row) -> {
                    Optional<Resolution> resolution = Resolution.parse(rs.getString("resolution"));
                    return resolution.isEmpty() ? null : new PastJob(resolution.get(), rs.getInt("sample_steps"),
                            rs.getDouble("audio_seconds"), rs.getLong("execution_ms") / 1000.0);
                },
                endpointId).stream().filter(Objects::nonNull).toList();
    }
}
