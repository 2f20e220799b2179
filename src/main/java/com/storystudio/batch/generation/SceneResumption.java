package com.storystudio.batch.generation;

import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.download.VideoProbe;
import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.scene.Scene;

/**
 * The restart and reuse decisions: where a scene starts in this run, from what the ledger knows of
 * earlier runs. A job RunPod accepted is re-attached, never paid for again; a video already recorded
 * is taken as it is; a video of the same content on this endpoint is reused unless the run regenerates, and only
 * once it is checked: a video that is definitely gone (its saved file missing or broken, its address answering
 * 404 or 410) is generated again; one whose address gives no clear answer is reused with a warning, since paying
 * for a new video on a network hiccup would cost more than the occasional dead link the results then show.
 */
final class SceneResumption {

    private static final Logger log = LoggerFactory.getLogger(SceneResumption.class);

    private final SubmissionLedger ledger;
    private final long jobInstanceId;
    private final String endpointId;
    private final boolean reuseEarlierVideos;
    private final Function<String, VideoProbe.Answer> reuseCheck;

    /** @param reuseCheck whether the video at a URL is still there (see {@link VideoProbe}) */
    SceneResumption(SubmissionLedger ledger, long jobInstanceId, String endpointId, boolean reuseEarlierVideos,
                    Function<String, VideoProbe.Answer> reuseCheck) {
        this.ledger = ledger;
        this.jobInstanceId = jobInstanceId;
        this.endpointId = endpointId;
        this.reuseEarlierVideos = reuseEarlierVideos;
        this.reuseCheck = reuseCheck;
    }

    /** @param fingerprint the content identity of the scene's inputs as they are now */
    SceneStart of(Scene scene, String fingerprint) {
        Optional<Submission> latest = ledger.latest(jobInstanceId, scene.sceneId());
        SceneStart start = checked(scene, decide(fingerprint, latest));
        start.outdated().ifPresent(job -> log.warn("Scene {}: its inputs changed since RunPod job {} was submitted; cancelling "
                + "that job and submitting the new inputs", scene.sceneId(), job.remoteJobId()));
        Submission earlier = start.earlier();
        switch (start.way()) {
            case REATTACH -> log.info("Scene {}: re-attaching to RunPod job {} from an earlier run (attempt {})", scene.sceneId(),
                    earlier.remoteJobId(), earlier.attempt());
            case REUSE -> log.info("Scene {}: same content as a scene already generated (RunPod job {}); reusing its video",
                    scene.sceneId(), earlier.remoteJobId());
            case SUBMIT -> latest.filter(last -> last.state() == SubmissionState.SUBMITTING && last.fingerprint().equals(fingerprint))
                    .ifPresent(last -> log.warn("Scene {}: an earlier run died while submitting it (attempt {}); RunPod may hold a "
                            + "job for it that cannot be seen, so it is submitted again and counted as a possible duplicate",
                            scene.sceneId(), last.attempt()));
            case RECORDED -> { }
        }
        return start;
    }

    /** A video to reuse, once checked: gone, the scene is submitted instead. */
    private SceneStart checked(Scene scene, SceneStart start) {
        if (start.way() != SceneStart.Way.REUSE) {
            return start;
        }
        Submission earlier = start.earlier();
        return switch (reuseCheck.apply(earlier.videoUrl())) {
            case THERE -> start;
            case UNKNOWN -> {
                log.warn("Scene {}: cannot tell whether the video of RunPod job {} it would reuse is still at {} (no clear "
                        + "answer); reusing it anyway", scene.sceneId(), earlier.remoteJobId(), earlier.videoUrl());
                yield start;
            }
            case GONE -> {
                log.warn("Scene {}: the video of RunPod job {} it would reuse is gone ({}); generating it again", scene.sceneId(),
                        earlier.remoteJobId(), earlier.videoUrl());
                yield new SceneStart(SceneStart.Way.SUBMIT, start.nextAttempt(), null, start.outdated());
            }
        };
    }

    /**
     * The same decision as {@link #of}, without saying it and without checking a reused video (no request): for a
     * look ahead that changes nothing.
     */
    SceneStart decide(Scene scene, String fingerprint) {
        return decide(fingerprint, ledger.latest(jobInstanceId, scene.sceneId()));
    }

    private SceneStart decide(String fingerprint, Optional<Submission> latest) {
        int nextAttempt = latest.map(s -> s.attempt() + 1).orElse(1);
        Optional<Submission> outdated = latest.filter(s -> !s.fingerprint().equals(fingerprint) && s.state().isLive());
        Optional<Submission> sameContent = latest.filter(s -> s.fingerprint().equals(fingerprint));
        if (sameContent.isPresent() && sameContent.get().state() == SubmissionState.COMPLETED) {
            return new SceneStart(SceneStart.Way.RECORDED, nextAttempt, sameContent.get(), outdated);
        }
        if (sameContent.isPresent() && sameContent.get().state().isLive()) {
            return new SceneStart(SceneStart.Way.REATTACH, nextAttempt, sameContent.get(), outdated);
        }
        Optional<Submission> earlier = reuseEarlierVideos ? ledger.latestCompleted(fingerprint, endpointId) : Optional.empty();
        return earlier.map(video -> new SceneStart(SceneStart.Way.REUSE, nextAttempt, video, outdated))
                .orElseGet(() -> new SceneStart(SceneStart.Way.SUBMIT, nextAttempt, null, outdated));
    }
}
