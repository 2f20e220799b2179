package com.storystudio.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.result.ResultsCsvRow;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.result.UnfinishedScene;
import com.storystudio.batch.scene.Resolution;
import com.storystudio.batch.scene.SceneOutline;

/** How the input's scenes, the results table and the ledger's live jobs make the rows of the results CSV. */
class RunResultsCsvTest {

    private static final List<SceneOutline> INPUT = List.of(
            new SceneOutline(1, 2, "intro", Resolution.P480, 20),
            new SceneOutline(2, 3, "chase", Resolution.P720, 30),
            new SceneOutline(3, 4, "talk", Resolution.P480, 15),
            new SceneOutline(4, 5, "credits", Resolution.P480, 20));

    @Test
    void everySceneOfTheInputHasARowInInputOrderWhateverIsRecorded() {
        // Recorded out of input order, as scenes finish.
        List<ResultsCsvRow> rows = RunResultsCsv.merge(INPUT, List.of(result(3, "talk", SceneStatus.COMPLETED)), Map.of("chase", "job-c"));

        assertThat(rows).extracting(ResultsCsvRow::sceneId, ResultsCsvRow::status).containsExactly(
                tuple("intro", SceneStatus.PENDING),
                tuple("chase", SceneStatus.IN_PROGRESS),
                tuple("talk", SceneStatus.COMPLETED),
                tuple("credits", SceneStatus.PENDING));
        assertThat(rows.get(1)).isEqualTo(new UnfinishedScene(2, "chase", SceneStatus.IN_PROGRESS, "job-c", "720p", 30));
        assertThat(rows.get(2)).isInstanceOf(SceneResult.class);
    }

    @Test
    void aSceneTriedAgainAfterItFailedIsInProgressWhileItsNewJobIsLiveAndFailedOtherwise() {
        List<SceneResult> recorded = List.of(result(1, "intro", SceneStatus.FAILED), result(2, "chase", SceneStatus.FAILED),
                result(3, "talk", SceneStatus.COMPLETED));

        List<ResultsCsvRow> rows = RunResultsCsv.merge(INPUT, recorded, Map.of("intro", "job-i", "talk", "job-t"));

        assertThat(rows).extracting(ResultsCsvRow::sceneId, ResultsCsvRow::status).containsExactly(
                tuple("intro", SceneStatus.IN_PROGRESS),
                tuple("chase", SceneStatus.FAILED),
                tuple("talk", SceneStatus.COMPLETED),
                tuple("credits", SceneStatus.PENDING));
    }

    @Test
    void aRecordedResultIsNeverDroppedEvenForASceneTheInputNoLongerHas() {
        List<ResultsCsvRow> rows = RunResultsCsv.merge(INPUT.subList(0, 1), List.of(result(9, "gone", SceneStatus.COMPLETED)), Map.of());

        assertThat(rows).extracting(ResultsCsvRow::sceneId).containsExactly("intro", "gone");
    }

    private static SceneResult result(int position, String sceneId, SceneStatus status) {
        return new SceneResult(position, sceneId, status, status == SceneStatus.COMPLETED ? "https://v/" + sceneId : null, "job-" + sceneId,
                null, null, "480p", 20, 1, status == SceneStatus.FAILED ? "no" : null, "fp", null, 0, null);
    }
}
