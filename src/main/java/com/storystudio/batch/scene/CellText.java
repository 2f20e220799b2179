package com.storystudio.batch.scene;

/**
 * How a cell's text is quoted in a message: control characters made visible, bytes that were not UTF-8 shown as
 * �, and a long value cut short with
 * its length, so that a runaway cell (say, a quote left open that swallowed the rest of the file) does not make a
 * message of megabytes or break it across lines.
 */
final class CellText {

    private static final int SHOWN_CHARS = 200;

    private CellText() {
    }

    static String of(String text) {
        int end = text.length() <= SHOWN_CHARS ? text.length() : SHOWN_CHARS;
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character in two
        }
        StringBuilder shown = new StringBuilder(end + 24);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                case '\0' -> shown.append("\\0");
                case CsvRows.NOT_UTF8 -> shown.append('\uFFFD'); // the usual sign of an undecodable byte
                default -> {
                    if (Character.isISOControl(c)) {
                        shown.append(String.format("\\u%04X", (int) c));
                    } else {
                        shown.append(c);
                    }
                }
            }
        }
        if (end < text.length()) {
            shown.append("... (").append(text.length()).append(" characters)");
        }
        return shown.toString();
    }
}
