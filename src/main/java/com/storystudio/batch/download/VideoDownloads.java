package com.storystudio.batch.download;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** @see VideoDownloader#download */
    public CompletableFuture<DownloadOutcome> fetch(VideoFile target, String url, boolean keepWhole) {
        // The caller's log fields (input, execution, scene) go with the download to its thread.
        return CompletableFuture.supplyAsync(LogFields.carried(() -> downloader.download(target, url, keepWhole)), pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
