package com.storystudio.batch.scene;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The header row: which file column holds which {@link SceneColumn}, and what is wrong with it. */
final class CsvHeader {

    private final CsvRow row;
    private final Map<SceneColumn, Integer> indexes;
    private final List<SceneProblem> problems;

    private CsvHeader(CsvRow row, Map<SceneColumn, Integer> indexes, List<SceneProblem> problems) {
        this.row = row;
        this.indexes = indexes;
        this.problems = List.copyOf(problems);
    }

    static CsvHeader read(Path file, CsvRow row) {
        Map<SceneColumn, Integer> indexes = new EnumMap<>(SceneColumn.class);
        List<SceneProblem> problems = new ArrayList<>();
        for (int index = 0; index < row.width(); index++) {
            String name = row.value(index);
            Optional<SceneColumn> column = SceneColumn.byHeaderName(name);
            String problem = null;
            if (name.isEmpty()) {
                problem = "this column has no name; known columns: " + SceneColumn.knownNames();
            } else if (name.indexOf('\0') >= 0) {
                problem = "this column name " + CsvRows.NUL_BYTES;
            } else if (name.indexOf(CsvRows.NOT_UTF8) >= 0) {
                problem = "this column name contains bytes that are not valid UTF-8; save the file with UTF-8 encoding";
            } else if (column.isEmpty()) {
                problem = "unknown column '" + CellText.of(name) + "' (a typo?); known columns: " + SceneColumn.knownNames();
            } else if (indexes.containsKey(column.get())) {
                int first = indexes.get(column.get());
                problem = "column '" + CellText.of(name) + "' repeats '" + row.value(first) + "' (column " + (first + 1)
                        + "); each column may appear only once";
            } else {
                indexes.put(column.get(), index);
            }
            if (problem != null) {
                problems.add(new SceneProblem(file, row.line(), index + 1, name.isEmpty() ? null : name, problem));
            }
        }
        for (SceneColumn column : SceneColumn.values()) {
            if (column.required() && !indexes.containsKey(column)) {
                problems.add(new SceneProblem(file, row.line(), 0, null, "the header has no " + column.displayName()
                        + " column; the first non-blank line must be a header such as "
                        + "scene_id,image,audio,prompt,resolution,sample_steps"));
            }
        }
        return new CsvHeader(row, indexes, problems);
    }

    /** Without both required columns no data row can be checked meaningfully. */
    boolean hasRequiredColumns() {
        for (SceneColumn column : SceneColumn.values()) {
            if (column.required() && !indexes.containsKey(column)) {
                return false;
            }
        }
        return true;
    }

    List<SceneProblem> problems() {
        return problems;
    }

    long line() {
        return row.line();
    }

    /** Number of columns in the header, named or not. */
    int width() {
        return row.width();
    }

    /** 0-based index of the column in the file, if present. */
    OptionalInt indexOf(SceneColumn column) {
        Integer index = indexes.get(column);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** The header text at a 0-based index, as written in the file; null if blank. */
    String nameAt(int index) {
        String name = row.value(index);
        return name.isEmpty() ? null : name;
    }
}
