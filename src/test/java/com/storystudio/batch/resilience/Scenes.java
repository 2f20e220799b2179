package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.JobDatabase.SceneResultRow;
import com.storystudio.batch.testing.Storyboard;

/** Storyboards of numbered scenes and what the tests ask of their results. */
final class Scenes {

    private Scenes() {
    }

    /** {@code count} local scenes {@code <prefix>01, <prefix>02, ...}, each with media of its own. */
    static Storyboard numbered(Path folder, String prefix, int count) {
        Storyboard storyboard = Storyboard.in(folder);
        for (int i = 1; i <= count; i++) {
            storyboard.localScene("%s%02d".formatted(prefix, i));
        }
        return storyboard;
    }

    /** The prompt {@link Storyboard#localScene} gives a scene, which tells the emulator's jobs apart. */
    static String prompt(String sceneId) {
        return "Scene " + sceneId + " speaking";
    }

    /**
     * Scenes that a relaunch does not submit again: those with a video, and those whose job from an earlier
     * launch is still on RunPod or was seen COMPLETED (re-attached or recorded, with no {@code /run}).
     */
    static int withJob(JobDatabase database, String prefix) {
        return database.query("SELECT COUNT(DISTINCT scene_id) FROM scene_submission WHERE scene_id LIKE ? AND state IN ('SUBMITTED', 'COMPLETED')",
                rs -> rs.getInt(1), prefix + "%").get(0);
    }

    static void completedWithVideo(SceneResultRow row) {
        assertThat(row.status()).as(row.sceneId()).isEqualTo("COMPLETED");
        assertThat(row.videoUrl()).as(row.sceneId()).isNotBlank();
    }
}
