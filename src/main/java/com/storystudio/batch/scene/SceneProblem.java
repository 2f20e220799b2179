package com.storystudio.batch.scene;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One problem in the input, pinned to where the user can fix it.
 *
 * @param file       the input file, as the user named it
 * @param line       1-based line where the offending record (or the header) starts
 * @param column     1-based column in the file's header order; 0 when the problem concerns the whole row or file
 * @param columnName the column's header text as written in the file; null when there is none (e.g. column 0)
 * @param message    what is wrong and, where it helps, how to fix it
 */
public record SceneProblem(Path file, long line, int column, String columnName, String message) {

    public SceneProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (column == 0) {
            columnName = null;
        }
    }

    /** e.g. "sample-data/scenes.csv line 4, column 6 (sample_steps): 12 is outside 15-50" */
    public String describe() {
        StringBuilder text = new StringBuilder().append(file).append(" line ").append(line);
        if (column > 0) {
            text.append(", column ").append(column);
            if (columnName != null) {
                text.append(" (").append(CellText.of(columnName)).append(')');
            }
        }
        return text.append(": ").append(message).toString();
    }
}
