package com.storystudio.batch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import com.storystudio.batch.result.ResultsCsvFile;

/**
 * {@code <output-dir>/<input name without .csv>-report.html}, beside the results CSV: written whole and moved
 * into place atomically, so that a reader never sees half a report.
 */
public record ReportFile(Path path) {

    private static final String RESULTS_SUFFIX = "-results.csv";

    /** Named like the results CSV, whose name is decided in one place ({@link ResultsCsvFile#forInput}). */
    public static ReportFile forInput(Path outputDir, Path input) {
        String results = ResultsCsvFile.forInput(outputDir, input).path().getFileName().toString();
        String stem = results.substring(0, results.length() - RESULTS_SUFFIX.length());
        return new ReportFile(outputDir.resolve(stem + "-report.html"));
    }

    public Path folder() {
        return path.toAbsolutePath().getParent();
    }

    public void write(String html) {
        try {
            Files.createDirectories(folder());
            // Not createTempFile: its owner-only mode would travel with the move, and the report is for the team.
            Path temp = Files.createFile(folder().resolve("." + path.getFileName() + "." + UUID.randomUUID() + ".tmp"));
            try {
                Files.writeString(temp, html, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            finally {
                Files.deleteIfExists(temp);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + path, e);
        }
    }
}
