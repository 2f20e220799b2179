package com.storystudio.batch.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The results CSV, {@code <output-dir>/<input name>-results.csv}. Always rewritten whole from the
 * results table and moved into place atomically, so a reader never sees half a file.
 */
public class ResultsCsvFile {

    public static final List<String> HEADER = List.of("scene_id", "status", "video_url", "job_id", "generation_time",
            "video_size_mb", "resolution", "sample_steps", "attempts", "error", "reused_from", "possible_duplicates");

    private final Path file;

    public ResultsCsvFile(Path file) {
        this.file = file;
    }

    /** {@code <output-dir>/<input file name without .csv>-results.csv} */
    public static ResultsCsvFile forInput(Path outputDir, Path input) {
        String name = input.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return new ResultsCsvFile(outputDir.resolve(stem + "-results.csv"));
    }

    public Path path() {
        return file;
    }

    public void rewrite(List<SceneResult> resultsInInputOrder) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                     CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get().print(out)) {
                    for (SceneResult r : resultsInInputOrder) {
                        csv.printRecord(r.sceneId(), r.status(), r.videoUrl(), r.jobId(), r.generationTime(), r.videoSizeMb(),
                                r.resolution(), r.sampleSteps(), r.attempts(), r.error(), r.reusedFrom(), r.possibleDuplicates());
                    }
                }
                move(temp);
            }
            finally {
                Files.deleteIfExists(temp);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the results CSV " + file, e);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
