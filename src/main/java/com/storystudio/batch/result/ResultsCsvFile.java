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
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The results CSV, {@code <output-dir>/<input name>-results.csv}: a line per scene, in input order.
 * Always rewritten whole and moved into place atomically, so a reader never sees half a file. Text
 * that a spreadsheet would take for a formula is written as text ({@link #neutralised}).
 */
public class ResultsCsvFile {

    public static final List<String> HEADER = List.of("scene_id", "status", "video_url", "job_id", "generation_time",
            "video_size_mb", "resolution", "sample_steps", "attempts", "error", "reused_from", "possible_duplicates", "gpu_seconds",
            "cost_usd", "video_file");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    /** For neutralised cells only: quoted, so that the quote mark visibly belongs to the text. */
    private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    /** What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Path file;

    public ResultsCsvFile(Path file) {
        this.file = file;
    }

    /** {@code <output-dir>/<input file name without .csv>-results.csv} */
    public static ResultsCsvFile forInput(Path outputDir, Path input) {
        String name = input.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return new ResultsCsvFile(outputDir.resolve(stem + "-results.csv"));
    }

    public Path path() {
        return file;
    }

    public void rewrite(List<? extends ResultsCsvRow> rowsInInputOrder) {
        rewrite(rowsInInputOrder, SceneCosts.none());
    }

    public void rewrite(List<? extends ResultsCsvRow> rowsInInputOrder, SceneCosts costs) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Not createTempFile: its owner-only mode would travel with the move, and the results are for the team.
            Path temp = Files.createFile(dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp"));
            try {
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    printRecord(out, HEADER.toArray());
                    for (ResultsCsvRow row : rowsInInputOrder) {
                        printRecord(out, cells(row, costs));
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

    /**
     * Text starting with {@code = + - @}, a tab or a carriage return, with a {@code '} in front: a
     * spreadsheet then shows it as text instead of running it as a formula. Anything else as it is.
     */
    static String neutralised(String text) {
        return isFormulaLike(text) ? "'" + text : text;
    }

    private static boolean isFormulaLike(Object value) {
        return value instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    private static Object[] cells(ResultsCsvRow row, SceneCosts costs) {
        Double gpuSeconds = costs.gpuSeconds(row.sceneId());
        Object dollars = costs.dollars(row.sceneId()) == null ? null : costs.dollars(row.sceneId()).toPlainString();
        if (row instanceof SceneResult r) {
            return new Object[] {r.sceneId(), r.status(), r.videoUrl(), r.jobId(), r.generationTime(), r.videoSizeMb(),
                    r.resolution(), r.sampleSteps(), r.attempts(), r.error(), r.reusedFrom(), r.possibleDuplicates(), gpuSeconds, dollars,
                    r.videoFile()};
        }
        UnfinishedScene u = (UnfinishedScene) row;
        // Blank rather than 0 where the input alone does not tell (attempts of earlier runs, for one).
        return new Object[] {u.sceneId(), u.status(), null, u.jobId(), null, null, u.resolution(), u.sampleSteps(), null, null, null, null,
                gpuSeconds, dollars, null};
    }

    /** Numbers go out as numbers; only text can be taken for a formula. */
    private static void printRecord(Writer out, Object[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            Object cell = cells[i];
            if (isFormulaLike(cell)) {
                QUOTED.print(neutralised((String) cell), out, i == 0);
            }
            else {
                FORMAT.print(cell, out, i == 0);
            }
        }
        FORMAT.println(out);
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
