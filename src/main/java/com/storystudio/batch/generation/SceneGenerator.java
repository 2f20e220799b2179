package com.storystudio.batch.generation;

import java.time.Clock;
import java.util.Iterator;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.download.VideoDownloader;
import com.storystudio.batch.download.VideoDownloads;
import com.storystudio.batch.download.VideoProbe;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.Scene;
import com.storystudio.batch.time.Sleeper;

/** Opens a {@link GenerationWindow} over the scenes of one run; holds what all windows share. */
public class SceneGenerator {

    private static final Logger log = LoggerFactory.getLogger(SceneGenerator.class);

    private final RunPodJobs jobs;
    private final SubmissionLedger ledger;
    private final SceneRequestFactory requests;
    private final FailureClassifier classifier;
    private final GenerationSettings settings;
    private final InFlightLimit inFlightLimit;
    private final SubmissionOrder order;
    private final Clock clock;
    private final Sleeper sleeper;
    private final VideoDownloader downloader;
    private final VideoProbe probe;
    private final SceneEvents events;

    public SceneGenerator(RunPodJobs jobs, SubmissionLedger ledger, SceneRequestFactory requests, FailureClassifier classifier,
                          GenerationSettings settings, InFlightLimit inFlightLimit, SubmissionOrder order, Clock clock, Sleeper sleeper,
                          VideoDownloader downloader, VideoProbe probe) {
        this(jobs, ledger, requests, classifier, settings, inFlightLimit, order, clock, sleeper, downloader, probe, SceneEvents.NONE);
    }

    /** @param events told of every submission, job end and scene end, for the metrics */
    public SceneGenerator(RunPodJobs jobs, SubmissionLedger ledger, SceneRequestFactory requests, FailureClassifier classifier,
                          GenerationSettings settings, InFlightLimit inFlightLimit, SubmissionOrder order, Clock clock, Sleeper sleeper,
                          VideoDownloader downloader, VideoProbe probe, SceneEvents events) {
        this.jobs = jobs;
        this.ledger = ledger;
        this.requests = requests;
        this.classifier = classifier;
        this.settings = settings;
        this.inFlightLimit = inFlightLimit;
        this.order = order;
        this.clock = clock;
        this.sleeper = sleeper;
        this.downloader = downloader;
        this.probe = probe;
        this.events = events;
    }

    /**
     * @param scenes  the scenes without a video yet, in input order; taken up in this generator's {@link SubmissionOrder}
     * @param lengths their audio lengths, read before the run
     */
    public GenerationWindow open(long jobInstanceId, Iterator<Scene> scenes, AudioLengths lengths, InlineVideoStore videos,
                                 RunOptions options, BooleanSupplier stopRequested, RunTail tail) {
        Set<String> live = ledger.scenesWithLiveJob(jobInstanceId);
        if (!live.isEmpty()) {
            log.info("{} scene(s) have a job on RunPod from an earlier run; they are taken up first", live.size());
        }
        SubmissionQueue queue = new SubmissionQueue(scenes, live, order, lengths, SubmissionQueue.DEFAULT_LOOKAHEAD);
        SceneResumption resumption = new SceneResumption(ledger, jobInstanceId, settings.endpointId(), options.reuseEarlierVideos(),
                probe::check);
        SceneLifecycle lifecycle = new SceneLifecycle(ledger, classifier, settings, videos, jobInstanceId, clock, events);
        SceneCalls calls = new SceneCalls(jobs, requests, settings.policy());
        EndpointWatch watch = new EndpointWatch(jobs, settings.pollInterval(), clock);
        return new GenerationWindow(queue, resumption, lifecycle, calls, watch, inFlightLimit.resolve(),
                new StopRule(stopRequested, options.cancelOnStop()), tail, clock, sleeper,
                options.download() ? new SettlingVideos(new VideoDownloads(downloader), videos.outputDir()) : SettlingVideos.none());
    }
}
