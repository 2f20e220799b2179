package com.storystudio.batch.scene;

import java.util.List;

/**
 * One non-blank CSV record, values trimmed.
 *
 * @param line line in the file where the record starts
 */
record CsvRow(long line, List<String> values) {

    CsvRow {
        values = List.copyOf(values);
    }

    /** The value at a 0-based index; "" past the end, since short rows leave trailing values blank. */
    String value(int index) {
        return index < values.size() ? values.get(index) : "";
    }

    int width() {
        return values.size();
    }
}
