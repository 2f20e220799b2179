package com.storystudio.batch.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.result.ResultsCsvRow;
import com.storystudio.batch.result.SceneCosts;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.result.UnfinishedScene;
import com.storystudio.batch.scene.SceneOutline;
import com.storystudio.batch.scene.SceneSource;
import com.storystudio.batch.scene.SceneValidationException;

/**
 * A run's results CSV: a row per scene of the input, in input order, whatever state the run is in.
 * The input gives the scenes (their outlines: no media is read), the results table their final
 * results, and the ledger which of the others have a job live on RunPod (IN_PROGRESS); the rest
 * are PENDING.
 */
public class RunResultsCsv {

    private static final Logger log = LoggerFactory.getLogger(RunResultsCsv.class);

    private final SceneSources sources;
    private final SceneResultRepository results;
    private final SubmissionLedger ledger;
    private final GpuPrice price;

    public RunResultsCsv(SceneSources sources, SceneResultRepository results, SubmissionLedger ledger,
                         GpuPrice price) {
        this.sources = sources;
        this.results = results;
        this.ledger = ledger;
        this.price = price;
    }

    /** Rewrites {@code run.resultsCsv()}; for an input that was found valid. */
    public void publish(RunParameters run, long jobInstanceId) {
        run.resultsCsv().rewrite(rows(run, jobInstanceId), new SceneCosts(ledger.gpuSecondsByScene(jobInstanceId), price));
    }

    /** A row per scene of the input, in input order, as the results CSV lists them (the report too). */
    public List<ResultsCsvRow> rows(RunParameters run, long jobInstanceId) {
        List<SceneResult> recorded = results.findAll(jobInstanceId);
        SceneSource source = sources.of(run);
        List<SceneOutline> scenes;
        try {
            scenes = source.outlines();
        }
        catch (IOException | SceneValidationException e) {
            // The input was valid when the run checked it; losing the recorded results over it would be worse.
            log.warn("Cannot read the scenes of {} again ({}); the results CSV lists only the scenes with a result",
                    source.describe(), e.getMessage());
            return List.copyOf(recorded);
        }
        return merge(scenes, recorded, ledger.liveJobs(jobInstanceId));
    }

    /**
     * The input's scenes, each with its recorded result, or IN_PROGRESS when a job of it is live, or
     * PENDING. A live job outranks a FAILED result: that scene is being tried again. A result of a
     * scene the input no longer has (it cannot, for the same content) is kept, at the end.
     */
    static List<ResultsCsvRow> merge(List<SceneOutline> scenes, List<SceneResult> recorded, Map<String, String> liveJobs) {
        Map<String, SceneResult> byId = new LinkedHashMap<>();
        recorded.forEach(result -> byId.put(result.sceneId(), result));
        List<ResultsCsvRow> rows = new ArrayList<>(scenes.size());
        for (SceneOutline scene : scenes) {
            SceneResult result = byId.remove(scene.sceneId());
            String liveJob = liveJobs.get(scene.sceneId());
            boolean live = liveJob != null;
            if (result != null && (result.hasVideo() || !live)) {
                rows.add(result);
            }
            else {
                rows.add(new UnfinishedScene(scene.position(), scene.sceneId(), live ? SceneStatus.IN_PROGRESS : SceneStatus.PENDING, liveJob,
                        scene.resolution().value(), scene.sampleSteps()));
            }
        }
        byId.values().stream().sorted(Comparator.comparingInt(SceneResult::position)).forEach(rows::add);
        return rows;
    }
}
