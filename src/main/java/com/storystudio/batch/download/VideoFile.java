package com.storystudio.batch.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a scene's video goes on disk: {@code <output-dir>/videos/<scene_id>.mp4}, the one naming convention of the
 * videos a run writes (a scene id is letters, digits, {@code . _ -}: a safe file name). The results record it by
 * {@link #relative()}, so that an output folder can be moved or shared as a whole.
 */
public record VideoFile(Path outputDir, String sceneId) {

    public static final String FOLDER = "videos";
    static final String SUFFIX = ".mp4";

    /** {@code <output-dir>/videos} */
    public static Path folder(Path outputDir) {
        return outputDir.resolve(FOLDER);
    }

    public Path path() {
        return folder(outputDir).resolve(sceneId + SUFFIX);
    }

    /** The path the results record: relative to the output folder, with {@code /} whatever the system. */
    public String relative() {
        return FOLDER + "/" + sceneId + SUFFIX;
    }

    /** Whether the file is there whole: not empty, and starting as an MP4 does. */
    public boolean isWhole() {
        return isWhole(path());
    }

    static boolean isWhole(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0 && Mp4Signature.startsFile(file);
        }
        catch (IOException e) {
            return false;
        }
    }

    /** The prefix of the temporary files a download of this scene writes next to its video. */
    String tempPrefix() {
        return "." + sceneId + SUFFIX + ".";
    }
}
