package com.storystudio.batch.download;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;

/**
 * The recorded results of a run whose video is not on disk although it could be: COMPLETED with a video URL, and no
 * file recorded, or the file recorded is missing or broken. A re-run with {@code --download} fetches them; a file
 * recorded and whole is never fetched again.
 */
public class MissingVideos {

    private static final Logger log = LoggerFactory.getLogger(MissingVideos.class);

    private final SceneResultRepository results;
    private final VideoDownloader downloader;

    public MissingVideos(SceneResultRepository results, VideoDownloader downloader) {
        this.results = results;
        this.downloader = downloader;
    }

    public List<SceneResult> of(long jobInstanceId, Path outputDir) {
        return results.findAll(jobInstanceId).stream().filter(result -> missing(result, outputDir)).toList();
    }

    static boolean missing(SceneResult result, Path outputDir) {
        return result.hasVideo() && result.videoUrl() != null
                && (result.videoFile() == null || !new VideoFile(outputDir, result.sceneId()).isWhole());
    }

    /**
     * Fetches them now, at most {@link DownloadProperties#concurrency()} at once, and records each file: for a run
     * that is already done, whose job does not run again.
     *
     * @return how many are still not on disk
     */
    public int fetch(long jobInstanceId, Path outputDir) {
        List<SceneResult> missing = of(jobInstanceId, outputDir);
        if (missing.isEmpty()) {
            return 0;
        }
        log.info("Fetching {} video(s) of the finished run that are not on disk yet", missing.size());
        try (VideoDownloads downloads = new VideoDownloads(downloader)) {
            List<CompletableFuture<Boolean>> saved = missing.stream().map(result -> downloads
                    .fetch(new VideoFile(outputDir, result.sceneId()), result.videoUrl(), false, outcome -> record(jobInstanceId, result, outcome)))
                    .toList();
            return (int) saved.stream().filter(done -> !done.join()).count();
        }
    }

    private boolean record(long jobInstanceId, SceneResult result, DownloadOutcome outcome) {
        if (outcome.onDisk()) {
            results.recordVideoFile(jobInstanceId, result.sceneId(), outcome.videoFile());
            return true;
        }
        log.warn("Scene {}: its video could not be downloaded ({}); it stays at {}", result.sceneId(), outcome.problem(),
                result.videoUrl());
        return false;
    }
}
