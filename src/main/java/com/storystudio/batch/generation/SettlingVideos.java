package com.storystudio.batch.generation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.download.DownloadOutcome;
import com.storystudio.batch.download.VideoDownloads;
import com.storystudio.batch.download.VideoFile;
import com.storystudio.batch.result.SceneResult;

/**
 * With {@code --download}, a scene's result is final only once its video's download has settled: on disk (the
 * result records the file) or given up (the result keeps the video URL, records no file, and a warning says why;
 * the scene is still COMPLETED, since its video was paid for and the re-run with {@code --download} fetches it).
 * The window hands each finished scene here and takes the settled ones back; without {@code --download} a result
 * passes straight through.
 */
final class SettlingVideos implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SettlingVideos.class);

    private final VideoDownloads downloads;
    private final Path outputDir;
    private final List<CompletableFuture<SceneResult>> pending = new ArrayList<>();

    /** @param downloads null when the run does not download */
    SettlingVideos(VideoDownloads downloads, Path outputDir) {
        this.downloads = downloads;
        this.outputDir = outputDir;
    }

    static SettlingVideos none() {
        return new SettlingVideos(null, null);
    }

    /**
     * @param replaceFile whether the video replaces a file of the scene already there: a video a job of this run
     *                    delivered does (the file is an earlier run's, of other content perhaps), and so does one
     *                    whose recorded file went missing; a video taken from an earlier job keeps a whole file
     *                    already there, so that a re-run downloads nothing twice
     */
    void add(SceneResult result, boolean replaceFile, Deque<SceneResult> settled) {
        if (downloads == null || !result.hasVideo() || result.videoUrl() == null) {
            settled.add(result);
            return;
        }
        pending.add(downloads.fetch(new VideoFile(outputDir, result.sceneId()), result.videoUrl(), !replaceFile)
                .handle((outcome, error) -> settle(result, outcome, error)));
    }

    /** Moves the results whose download has settled to {@code settled}, and returns it. */
    Deque<SceneResult> drainTo(Deque<SceneResult> settled) {
        for (Iterator<CompletableFuture<SceneResult>> it = pending.iterator(); it.hasNext(); ) {
            CompletableFuture<SceneResult> download = it.next();
            if (download.isDone()) {
                settled.add(download.join());
                it.remove();
            }
        }
        return settled;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Waits, at most {@code max}, until some download settles. */
    void awaitAny(Duration max) throws InterruptedException {
        if (pending.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.anyOf(pending.toArray(CompletableFuture[]::new)).get(max.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException | ExecutionException e) {
            // Timed out: the caller looks at RunPod again. Failed: settle() already made it a result.
        }
    }

    /** Abandons the downloads still going: each scene's video stays recorded in the ledger, for the re-run. */
    @Override
    public void close() {
        if (downloads != null) {
            downloads.close();
        }
    }

    private static SceneResult settle(SceneResult result, DownloadOutcome outcome, Throwable error) {
        if (outcome != null && outcome.onDisk()) {
            if (outcome.fetched()) {
                log.info("Scene {}: video saved as {}", result.sceneId(), outcome.videoFile());
            }
            return result.withVideoFile(outcome.videoFile());
        }
        String problem = outcome != null ? outcome.problem() : String.valueOf(error);
        log.warn("Scene {}: its video could not be downloaded ({}); the scene keeps its video URL {}, and a re-run with "
                + "--download fetches it", result.sceneId(), problem, result.videoUrl());
        return result.withVideoFile(null);
    }
}
