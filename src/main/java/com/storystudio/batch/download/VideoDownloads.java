package com.storystudio.batch.download;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import com.storystudio.batch.logging.LogFields;

/**
 * The downloads of one run, at most {@link DownloadProperties#concurrency()} at once, each on a thread of its own
 * so that the run goes on watching RunPod while a video transfers. Closing it abandons the transfers still going
 * (a stop, a failed step): their temporary files are deleted as the reads fail, or by the next download of the
 * scene, and the ledger keeps each video's address for the re-run.
 */
public final class VideoDownloads implements AutoCloseable {

    private final VideoDownloader downloader;
    private final ExecutorService pool;

    public VideoDownloads(VideoDownloader downloader) {
        this.downloader = downloader;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(downloader.settings().concurrency(), task -> {
            Thread thread = new Thread(task, "video-download-" + threads.incrementAndGet());
            // A transfer never keeps the process alive: what it was fetching is still recorded by its address.
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Downloads the video ({@link VideoDownloader#download}) on a thread of the pool and hands its outcome to
     * {@code then} on that same thread. Both run with the caller's log fields (input, execution) and the scene's id,
     * so that the lines of a download, and of what its caller does with the outcome, say whose video it is.
     */
    public <T> CompletableFuture<T> fetch(VideoFile target, String url, boolean keepWhole, Function<DownloadOutcome, T> then) {
        Supplier<T> task = () -> LogFields.with(Map.of(LogFields.SCENE_ID, target.sceneId()),
                () -> then.apply(downloader.download(target, url, keepWhole)));
        return CompletableFuture.supplyAsync(LogFields.carried(task), pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
