package com.storystudio.batch.generation;

import java.io.IOException;
import java.util.Iterator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.scene.Scene;
import com.storystudio.batch.scene.SceneCursor;
import com.storystudio.batch.scene.SceneFingerprint;
import com.storystudio.batch.scene.SceneSource;

/**
 * Whether a run has work for RunPod's workers, decided before any worker is paid for: a scene to submit, or a
 * job of an earlier run to re-attach. Scenes with a video, recorded or reused from an earlier run of the same
 * content, need none. The same decision the window makes ({@link SceneResumption}), taken ahead and silently;
 * it stops at the first scene that needs a worker, which for a normal run is the first one.
 */
public class WorkAhead {

    private static final Logger log = LoggerFactory.getLogger(WorkAhead.class);

    private final SubmissionLedger ledger;
    private final SceneResultRepository results;
    private final String endpointId;

    public WorkAhead(SubmissionLedger ledger, SceneResultRepository results, String endpointId) {
        this.ledger = ledger;
        this.results = results;
        this.endpointId = endpointId;
    }

    /** @param reuseEarlierVideos false when the run regenerates: then every scene without a video needs a worker */
    public boolean needsWorkers(long jobInstanceId, SceneSource source, boolean reuseEarlierVideos) throws IOException {
        SceneResumption resumption = new SceneResumption(ledger, jobInstanceId, endpointId, reuseEarlierVideos);
        try (SceneCursor cursor = source.open()) {
            for (Iterator<Scene> scenes = new ScenesWithoutVideo(cursor, results.completedSceneIds(jobInstanceId)); scenes.hasNext(); ) {
                Scene scene = scenes.next();
                String fingerprint;
                try {
                    fingerprint = SceneFingerprint.of(scene);
                }
                catch (IOException e) {
                    continue; // it fails without a remote job
                }
                SceneStart start = resumption.decide(scene, fingerprint);
                if (start.way() == SceneStart.Way.SUBMIT || start.way() == SceneStart.Way.REATTACH) {
                    log.debug("Scene {} needs a worker ({})", scene.sceneId(), start.way());
                    return true;
                }
            }
        }
        return false;
    }
}
