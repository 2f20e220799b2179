package com.storystudio.batch.generation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

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
    /** Results whose download settled, in the order they did; filled by the download threads. */
    private final LinkedBlockingDeque<SceneResult> settledResults = new LinkedBlockingDeque<>();
    /** Downloads not yet drained: changed by the window's thread alone. */
    private int pending;

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
        pending++;
        downloads.fetch(new VideoFile(outputDir, result.sceneId()), result.videoUrl(), !replaceFile, outcome -> settle(result, outcome, null))
                .exceptionally(error -> settle(result, null, error))
                .thenAccept(settledResults::add);
    }

    /**
     * Moves the results whose download has settled to {@code settled}. Taken from a queue the downloads fill, not
     * by looking at each download: thousands may be under way when they lag behind the jobs.
     */
    void drainTo(Deque<SceneResult> settled) {
        pending -= settledResults.drainTo(settled);
    }

    boolean isEmpty() {
        return pending == 0;
    }

    /** Waits, at most {@code max}, until some download settles. */
    void awaitAny(Duration max) throws InterruptedException {
        if (pending == 0) {
            return;
        }
        SceneResult first = settledResults.pollFirst(max.toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
            settledResults.offerFirst(first);
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
            return result.withVideoFile(outcome.videoFile());
        }
        String problem = outcome != null ? outcome.problem() : String.valueOf(error);
        log.warn("Scene {}: its video could not be downloaded ({}); the scene keeps its video URL {}, and a re-run with "
                + "--download fetches it", result.sceneId(), problem, result.videoUrl());
        return result.withVideoFile(null);
    }
}
