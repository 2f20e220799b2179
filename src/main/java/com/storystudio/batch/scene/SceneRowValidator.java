package com.storystudio.batch.scene;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Checks data rows one at a time and builds scenes. One instance per pass over a file: it numbers the rows and
 * remembers scene ids to catch duplicates.
 */
final class SceneRowValidator {

    /** Scene ids become part of output file names, hence the conservative alphabet. */
    private static final Pattern SCENE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MIN_STEPS = 15;
    private static final int MAX_STEPS = 50;
    static final int DEFAULT_STEPS = 20;
    static final Resolution DEFAULT_RESOLUTION = Resolution.P480;

    // Row-level problems (column 0) read best after the field problems.
    private static final Comparator<SceneProblem> FILE_ORDER =
            Comparator.comparingInt(problem -> problem.column() == 0 ? Integer.MAX_VALUE : problem.column());

    private final Path file;
    private final CsvHeader header;
    private final MediaResolver media;
    private final RequestBudget budget;
    /** Lower-cased id to the line that first used it: ids must differ ignoring case, as file systems may. */
    private final Map<String, Long> idLines = new HashMap<>();
    private int position;

    SceneRowValidator(Path file, CsvHeader header, MediaResolver media, RequestBudget budget) {
        this.file = file;
        this.header = header;
        this.media = media;
        this.budget = budget;
    }

    RowOutcome validate(CsvRow row) {
        Check check = new Check(row, ++position);
        check.extraValues();
        String sceneId = check.sceneId();
        MediaCheck.Accepted image = check.media(SceneColumn.IMAGE);
        MediaCheck.Accepted audio = check.media(SceneColumn.AUDIO);
        String prompt = check.value(SceneColumn.PROMPT).orElse("");
        Resolution resolution = check.resolution();
        int sampleSteps = check.sampleSteps();
        budget.overrun(image, audio, prompt).ifPresent(message -> check.rowProblem(message));
        if (!check.problems.isEmpty()) {
            check.problems.sort(FILE_ORDER);
            return RowOutcome.invalid(check.problems);
        }
        return RowOutcome.valid(new Scene(check.position, row.line(), sceneId, image.ref(), audio.ref(), prompt,
                resolution, sampleSteps));
    }

    /** The checks for one row, collecting its problems. */
    private final class Check {
        private final CsvRow row;
        private final int position;
        private final List<SceneProblem> problems = new ArrayList<>();

        Check(CsvRow row, int position) {
            this.row = row;
            this.position = position;
        }

        void extraValues() {
            if (row.width() > header.width()) {
                problems.add(new SceneProblem(file, row.line(), header.width() + 1, null, "this row has "
                        + row.width() + " values but the header has " + header.width()
                        + " columns; put values that contain a comma in double quotes"));
            }
        }

        String sceneId() {
            String fallback = Integer.toString(position);
            Optional<String> value = value(SceneColumn.SCENE_ID);
            if (value.isEmpty()) {
                return fallback;
            }
            String id = value.get().isEmpty() ? fallback : value.get();
            if (!SCENE_ID.matcher(id).matches()) {
                problem(SceneColumn.SCENE_ID, "'" + CellText.of(id) + "' is not a usable scene_id: use 1 to 64 letters, digits,"
                        + " '.', '_' or '-', starting with a letter or digit (it becomes part of file names)");
                return fallback;
            }
            Long firstLine = idLines.putIfAbsent(id.toLowerCase(Locale.ROOT), row.line());
            if (firstLine != null) {
                problem(SceneColumn.SCENE_ID, "duplicate scene_id '" + id + "': used on line " + firstLine
                        + " and again on line " + row.line() + " (ids must differ, ignoring case"
                        + (value.get().isEmpty() ? "; a blank scene_id means the row number" : "") + ")");
            }
            return id;
        }

        /** @return null when the value is missing or rejected (a problem has been recorded) */
        MediaCheck.Accepted media(SceneColumn column) {
            Optional<String> value = value(column);
            if (value.isEmpty()) {
                return null;
            }
            if (value.get().isEmpty()) {
                problem(column, "a value is required: an http(s) URL, or a path to a file in the CSV file's folder");
                return null;
            }
            MediaCheck check = media.resolve(value.get(),
                    column == SceneColumn.IMAGE ? MediaFormat.Kind.IMAGE : MediaFormat.Kind.AUDIO);
            if (check instanceof MediaCheck.Rejected rejected) {
                problem(column, rejected.reason());
                return null;
            }
            return (MediaCheck.Accepted) check;
        }

        Resolution resolution() {
            Optional<String> value = value(SceneColumn.RESOLUTION);
            if (value.isEmpty() || value.get().isEmpty()) {
                return DEFAULT_RESOLUTION;
            }
            Optional<Resolution> resolution = Resolution.parse(value.get());
            if (resolution.isEmpty()) {
                problem(SceneColumn.RESOLUTION, "'" + CellText.of(value.get()) + "' is not a supported resolution; use "
                        + Resolution.P480.value() + " or " + Resolution.P720.value() + " (blank means "
                        + DEFAULT_RESOLUTION.value() + ")");
                return DEFAULT_RESOLUTION;
            }
            return resolution.get();
        }

        int sampleSteps() {
            Optional<String> value = value(SceneColumn.SAMPLE_STEPS);
            if (value.isEmpty() || value.get().isEmpty()) {
                return DEFAULT_STEPS;
            }
            WholeNumber steps = WholeNumber.read(value.get(), MIN_STEPS, MAX_STEPS);
            switch (steps.verdict()) {
                case NOT_WHOLE -> problem(SceneColumn.SAMPLE_STEPS, "'" + CellText.of(value.get()) + "' is not a whole number; use "
                        + MIN_STEPS + "-" + MAX_STEPS + " (blank means " + DEFAULT_STEPS + ")");
                case OUT_OF_RANGE -> problem(SceneColumn.SAMPLE_STEPS, CellText.of(value.get()) + " is outside " + MIN_STEPS + "-"
                        + MAX_STEPS);
                case IN_RANGE -> {
                    return steps.value();
                }
            }
            return DEFAULT_STEPS;
        }

        /**
         * The column's value ("" when the column is absent or the row is short), or empty when the value is
         * not valid UTF-8 or holds a NUL byte (a problem has been recorded).
         */
        Optional<String> value(SceneColumn column) {
            OptionalInt index = header.indexOf(column);
            if (index.isEmpty()) {
                return Optional.of("");
            }
            String value = row.value(index.getAsInt());
            if (value.indexOf('\0') >= 0) { // first: UTF-16 text has NULs and bytes that are not UTF-8
                problem(column, CsvRows.NUL_BYTES);
                return Optional.empty();
            }
            if (value.indexOf(CsvRows.NOT_UTF8) >= 0) {
                problem(column, "contains bytes that are not valid UTF-8; save the file with UTF-8 encoding");
                return Optional.empty();
            }
            return Optional.of(value);
        }

        void problem(SceneColumn column, String message) {
            int index = header.indexOf(column).orElseThrow();
            problems.add(new SceneProblem(file, row.line(), index + 1, header.nameAt(index), message));
        }

        void rowProblem(String message) {
            problems.add(new SceneProblem(file, row.line(), 0, null, message));
        }
    }
}
