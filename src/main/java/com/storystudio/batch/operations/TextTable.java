package com.storystudio.batch.operations;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A plain table for a terminal: columns as wide as their widest cell, numbers right-aligned, the last column free. */
final class TextTable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<String> headers;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** @param headers a header ending in {@code >} is right-aligned (the mark is not shown) */
    TextTable(String... headers) {
        this.headers = List.of(headers).stream().map(header -> header.endsWith(">") ? header.substring(0, header.length() - 1) : header)
                .toList();
        this.rightAligned = List.of(headers).stream().map(header -> header.endsWith(">")).toList();
    }

    TextTable row(Object... cells) {
        rows.add(List.of(cells).stream().map(cell -> String.valueOf(cell).replaceAll("\\s+", " ")).toList());
        return this;
    }

    String render() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            int at = column;
            widths[column] = Math.max(headers.get(column).length(), rows.stream().mapToInt(row -> row.get(at).length()).max().orElse(0));
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        rows.forEach(row -> line(text, row, widths));
        return text.toString();
    }

    private void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            boolean last = column == cells.size() - 1;
            String pad = " ".repeat(Math.max(0, widths[column] - cell.length()));
            line.append(rightAligned.get(column) ? pad + cell : last ? cell : cell + pad);
            if (!last) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    static String when(LocalDateTime time) {
        return time == null ? "-" : WHEN.format(time);
    }

    /** {@code 1:02:03} */
    static String took(Duration duration) {
        long seconds = duration.toSeconds();
        return "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
