package com.storystudio.batch.generation;

import java.time.Clock;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.scene.Scene;

/** Opens a {@link GenerationWindow} over the scenes of one run; holds what all windows share. */
public class SceneGenerator {

    private final RunPodJobs jobs;
    private final SubmissionLedger ledger;
    private final SceneRequestFactory requests;
    private final FailureClassifier classifier;
    private final GenerationSettings settings;
    private final Clock clock;
    private final InFlightLimit inFlightLimit;

    public SceneGenerator(RunPodJobs jobs, SubmissionLedger ledger, SceneRequestFactory requests, FailureClassifier classifier,
                          GenerationSettings settings, Clock clock, InFlightLimit inFlightLimit) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.requests = requests;
        this.classifier = classifier;
        this.settings = settings;
        this.clock = clock;
        this.inFlightLimit = inFlightLimit;
    }

    public GenerationWindow open(long jobInstanceId, Iterator<Scene> scenes, InlineVideoStore videos, RunOptions options,
                                 BooleanSupplier stopRequested, RunTail tail) {
        return new GenerationWindow(jobs, ledger, requests, classifier, settings.withMaxInFlight(inFlightLimit.resolve()), clock,
                videos, jobInstanceId, scenes, options, stopRequested, tail);
    }
}
