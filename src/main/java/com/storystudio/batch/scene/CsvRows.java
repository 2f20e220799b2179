package com.storystudio.batch.scene;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the non-blank records of a UTF-8 CSV file (RFC 4180 quoting, values trimmed, a leading BOM ignored),
 * each with the line it starts on.
 */
final class CsvRows implements Closeable {

    /**
     * Stands in for bytes that are not valid UTF-8. A Unicode noncharacter, so it never occurs in real text:
     * decoding leniently with it lets the row check name the exact line and column instead of failing the whole
     * file at a buffer boundary.
     */
    static final char NOT_UTF8 = '\uFDD0';

    /**
     * NUL is no text character; a file full of them is usually saved as UTF-16 ("Unicode text"), which puts one
     * beside every ASCII letter.
     */
    static final String NUL_BYTES = "contains NUL bytes (is the file saved as UTF-16?); save the file with UTF-8 encoding";

    private static final char BOM = '\uFEFF';
    private static final int BUFFER_CHARS = 64 * 1024;

    // Empty lines are kept as records so that every line is seen and line counting stays exact; they are
    // dropped in next() instead.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long lastLineRead;

    private CsvRows(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvRows open(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(NOT_UTF8));
        Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), BUFFER_CHARS);
        try {
            skipBom(reader);
            return new CsvRows(FORMAT.parse(reader));
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The next non-blank record, or null at the end of the file. */
    CsvRow next() throws CsvSyntaxError {
        while (true) {
            long startLine = lastLineRead + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw asSyntaxError(e, startLine);
            }
            // The parser has consumed the record's line break, so this is the record's last line.
            lastLineRead = parser.getCurrentLineNumber();
            if (!isBlank(record)) {
                return new CsvRow(startLine, record.toList());
            }
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static CsvSyntaxError asSyntaxError(UncheckedIOException e, long startLine) {
        if (e.getCause() instanceof CSVException malformed) {
            String detail = malformed.getMessage();
            String cause = detail.contains("EOF reached")
                    ? "a quoted value in this record is never closed (a missing \")"
                    : "text follows a closing quote in this record (quote the whole value and double the quotes"
                    + " inside it, e.g. \"say \"\"hi\"\"\")";
            return new CsvSyntaxError(startLine, cause + "; the file cannot be read past this point [" + detail + "]");
        }
        throw e; // a real I/O failure, not bad content
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    private static void skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
    }
}
