package com.storystudio.batch.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;

/**
 * Saves videos that a worker returns inline (base64) instead of as a URL, so that the results can
 * point at a file: RunPod forgets the output 30 minutes after completion. Each is saved as its job's
 * own copy, {@code videos/<scene_id>-<job id>.mp4}, which the ledger's {@code file:} URL names and a
 * later scene of the same content may reuse; with {@code --download} the scene's video is copied from it
 * to {@code videos/<scene_id>.mp4} like any other ({@link com.storystudio.batch.download.VideoFile}).
 */
public class InlineVideoStore {

    private final Path directory;

    public InlineVideoStore(Path directory) {
        this.directory = directory;
    }

    /** The output folder the videos folder belongs to. */
    Path outputDir() {
        return directory.toAbsolutePath().getParent();
    }

    /** @return the saved file's {@code file:} URL */
    public String save(String sceneId, String remoteJobId, String base64) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(sceneId + "-" + remoteJobId.replaceAll("[^A-Za-z0-9._-]", "_") + ".mp4");
            Path temp = Files.createTempFile(directory, ".video", ".tmp");
            Files.write(temp, Base64.getMimeDecoder().decode(base64));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file.toAbsolutePath().toUri().toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot save the video of scene " + sceneId + " under " + directory, e);
        }
    }
}
