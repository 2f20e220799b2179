package com.storystudio.batch.scene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/** Reads and checks one row per {@link #next()}, so memory does not grow with the file. */
final class CsvSceneCursor implements SceneCursor {

    private final Path file;
    private final CsvRows rows;
    private final SceneRowValidator validator;
    private RowOutcome pending;
    private boolean exhausted;

    CsvSceneCursor(Path file, CsvRows rows, SceneRowValidator validator) {
        this.file = file;
        this.rows = rows;
        this.validator = validator;
    }

    /** True while there is another row, valid or not; an invalid one makes {@link #next()} throw. */
    @Override
    public boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        try {
            CsvRow row = rows.next();
            if (row == null) {
                exhausted = true;
                return false;
            }
            pending = validator.validate(row);
        } catch (CsvSyntaxError e) {
            pending = RowOutcome.invalid(List.of(e.toProblem(file)));
        } catch (UncheckedIOException e) {
            exhausted = true;
            throw e;
        }
        return true;
    }

    /** @throws SceneValidationException when the row is invalid; the cursor then has no more scenes */
    @Override
    public Scene next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more scenes in " + file);
        }
        RowOutcome outcome = pending;
        pending = null;
        if (!outcome.isValid()) {
            exhausted = true;
            throw new SceneValidationException(outcome.problems());
        }
        return outcome.scene();
    }

    @Override
    public void close() throws IOException {
        exhausted = true;
        pending = null;
        rows.close();
    }
}
