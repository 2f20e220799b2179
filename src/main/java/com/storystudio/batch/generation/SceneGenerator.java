package com.storystudio.batch.generation;

import java.time.Clock;
import java.util.Iterator;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.scene.Scene;

/** Opens a {@link GenerationWindow} over the scenes of one run; holds what all windows share. */
public class SceneGenerator {

    private static final Logger log = LoggerFactory.getLogger(SceneGenerator.class);

    private final RunPodJobs jobs;
    private final SubmissionLedger ledger;
    private final SceneRequestFactory requests;
    private final FailureClassifier classifier;
    private final GenerationSettings settings;
    private final Clock clock;
    private final InFlightLimit inFlightLimit;
    private final SubmissionOrder order;

    public SceneGenerator(RunPodJobs jobs, SubmissionLedger ledger, SceneRequestFactory requests, FailureClassifier classifier,
                          GenerationSettings settings, Clock clock, InFlightLimit inFlightLimit, SubmissionOrder order) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.requests = requests;
        this.classifier = classifier;
        this.settings = settings;
        this.clock = clock;
        this.inFlightLimit = inFlightLimit;
        this.order = order;
    }

    /** @param scenes the scenes without a video yet, in input order; taken up in this generator's {@link SubmissionOrder} */
    public GenerationWindow open(long jobInstanceId, Iterator<Scene> scenes, InlineVideoStore videos, RunOptions options,
                                 BooleanSupplier stopRequested, RunTail tail) {
        Set<String> live = ledger.scenesWithLiveJob(jobInstanceId);
        if (!live.isEmpty()) {
            log.info("{} scene(s) have a job on RunPod from an earlier run; they are taken up first", live.size());
        }
        SubmissionQueue queue = new SubmissionQueue(scenes, live, order, SubmissionQueue.DEFAULT_LOOKAHEAD);
        return new GenerationWindow(jobs, ledger, requests, classifier, settings.withMaxInFlight(inFlightLimit.resolve()), clock,
                videos, jobInstanceId, queue, options, stopRequested, tail);
    }
}
