package com.storystudio.batch.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.time.Sleeper;

/**
 * Fetches one video into its {@link VideoFile}: streamed to a temporary file in the same folder (never whole in
 * memory), checked (the length the server announced, the MP4 signature), then moved into place atomically, so that
 * {@code <scene_id>.mp4} is either absent, the earlier file, or the whole new one. Transient failures are tried again
 * ({@link DownloadProperties#attempts()}, with a doubling wait); a failure never throws: it is the outcome.
 */
public class VideoDownloader {

    private static final Logger log = LoggerFactory.getLogger(VideoDownloader.class);
    private static final int BUFFER = 64 * 1024;

    private final DownloadProperties settings;
    private final VideoSource source;
    private final Sleeper sleeper;
    private final Set<Path> swept = ConcurrentHashMap.newKeySet();
    private final Instant processStarted = ProcessHandle.current().info().startInstant().orElse(Instant.now());

    public VideoDownloader(DownloadProperties settings, Sleeper sleeper) {
        this.settings = settings;
        this.source = new VideoSource(settings);
        this.sleeper = sleeper;
    }

    public DownloadProperties settings() {
        return settings;
    }

    /**
     * @param keepWhole whether a whole file already there is taken as this video (no request at all); false for a
     *                  video just generated, which replaces whatever an earlier run left under the scene's name
     */
    public DownloadOutcome download(VideoFile target, String url, boolean keepWhole) {
        if (keepWhole && target.isWhole()) {
            return DownloadOutcome.kept(target);
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException | NullPointerException e) {
            return DownloadOutcome.failed("not a URL: " + url);
        }
        if (!VideoSource.isFetchable(uri)) {
            return DownloadOutcome.failed("not an http(s) or file URL: " + url);
        }
        try {
            Path folder = target.path().getParent();
            // Asked first: createDirectories on a folder already there throws and catches an exception inside, per video.
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
            }
            sweepOnce(folder);
        }
        catch (IOException e) {
            return DownloadOutcome.failed("cannot write under " + target.path().getParent() + ": " + e.getMessage());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                fetchOnce(target, uri);
                // Said here, not by each caller: a run's video and one fetched for an input already done alike.
                log.info("Scene {}: video saved as {}", target.sceneId(), target.relative());
                return DownloadOutcome.saved(target);
            }
            catch (DownloadFailure failure) {
                if (!failure.isTransient() || attempt >= settings.attempts()) {
                    return DownloadOutcome.failed("%s (after %d tr%s)".formatted(failure.getMessage(), attempt, attempt == 1 ? "y" : "ies"));
                }
                Duration wait = max(settings.backoff(attempt), failure.retryAfter());
                log.info("Scene {}: download try {} of {} failed ({}); trying again in {} ms", target.sceneId(), attempt,
                        settings.attempts(), failure.getMessage(), wait.toMillis());
                try {
                    sleeper.sleep(wait);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return DownloadOutcome.failed("interrupted: " + failure.getMessage());
                }
            }
        }
    }

    private void fetchOnce(VideoFile target, URI uri) throws DownloadFailure {
        Path folder = target.path().getParent();
        Path temp = folder.resolve(target.tempPrefix() + UUID.randomUUID() + ".tmp");
        VideoSource.Body body = source.open(uri);
        boolean whole = false;
        boolean moved = false;
        try {
            Copied copied = copy(body.in(), temp, body.contentLength());
            if (body.contentLength() >= 0 && copied.bytes() != body.contentLength()) {
                throw DownloadFailure.transientFailure("body cut short: %d of %d bytes".formatted(copied.bytes(), body.contentLength()));
            }
            // Read to its end: the connection can serve the next video (RunPod's storage, or the emulator, keeps it alive).
            whole = true;
            if (!copied.startsAsMp4()) {
                throw DownloadFailure.permanent("not an MP4 (%d bytes without an ftyp box at offset 4)".formatted(copied.bytes()));
            }
            move(temp, target.path());
            // Nothing left to delete: asking anyway is one more system call per video.
            moved = true;
        }
        catch (IOException e) {
            throw DownloadFailure.transientFailure("transfer broke: " + e);
        }
        finally {
            body.close(whole);
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    /** What a copy wrote: its length, and whether its first bytes are an MP4's (checked on the way, not read again). */
    private record Copied(long bytes, boolean startsAsMp4) {
    }

    private static Copied copy(InputStream in, Path temp, long announcedLength) throws IOException {
        long written = 0;
        byte[] buffer = new byte[bufferFor(announcedLength)];
        byte[] head = new byte[Mp4Signature.LENGTH];
        try (OutputStream out = Files.newOutputStream(temp)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (written < head.length) {
                    System.arraycopy(buffer, 0, head, (int) written, (int) Math.min(n, head.length - written));
                }
                out.write(buffer, 0, n);
                written += n;
            }
        }
        return new Copied(written, Mp4Signature.matches(head, (int) Math.min(written, head.length)));
    }

    /**
     * No larger than the body announced (one byte more, to read its end in the same call): a fresh 64 KiB for a
     * video of a few hundred bytes was a download's largest allocation, and its zeroing a good part of its time.
     */
    private static int bufferFor(long announcedLength) {
        if (announcedLength < 0) {
            return BUFFER;
        }
        return (int) Math.max(Mp4Signature.LENGTH, Math.min(BUFFER, announcedLength + 1));
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes the temporary files a killed process left in the folder, once per folder and process: listing a
     * folder of thousands of videos for every download would make a large run's downloads quadratic. Only files
     * last written before this process started are taken, so another live run's download in progress is left alone.
     */
    private void sweepOnce(Path folder) throws IOException {
        if (!swept.add(folder.toAbsolutePath().normalize())) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, "." + "*" + VideoFile.SUFFIX + ".*.tmp")) {
            for (Path leftover : leftovers) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(processStarted)) {
                    deleteQuietly(leftover);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            log.debug("Cannot delete {}: {}", file, e.toString());
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
