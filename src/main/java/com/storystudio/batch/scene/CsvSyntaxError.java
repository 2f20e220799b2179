package com.storystudio.batch.scene;

import java.nio.file.Path;

/** The CSV text itself is malformed (e.g. an unclosed quote); nothing after it can be read reliably. */
final class CsvSyntaxError extends Exception {

    private final long line;

    CsvSyntaxError(long line, String message) {
        super(message);
        this.line = line;
    }

    /** Line where the record that could not be parsed starts. */
    long line() {
        return line;
    }

    SceneProblem toProblem(Path file) {
        return new SceneProblem(file, line, 0, null, getMessage());
    }
}
