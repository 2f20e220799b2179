package com.storystudio.batch.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus in {@code src/test/resources/malformed-csv/}: one storyboard per way a file can be wrong, each invalid
 * from the start. The check finds each without an exception and points at the line {@code expected-lines.properties}
 * names. The folder is self-contained (its media are in {@code media/}) so that the same files can be given to the
 * whole command.
 */
class MalformedCsvCorpusTests {

    private static final Path CORPUS = corpus();
    private static final Properties EXPECTED_LINES = expectedLines();

    @Test
    void everyFileOfTheCorpusHasAnExpectedLineAndNoLineIsStale() throws IOException {
        assertThat(csvFiles().map(file -> file.getFileName().toString()))
                .hasSizeGreaterThanOrEqualTo(15)
                .containsExactlyInAnyOrderElementsOf(EXPECTED_LINES.stringPropertyNames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvFiles")
    void theCheckRefusesTheFileAtTheExpectedLine(Path csv) throws IOException {
        long expectedLine = Long.parseLong(EXPECTED_LINES.getProperty(csv.getFileName().toString()).trim());

        SceneCheck check = new CsvSceneSource(csv, SceneRules.defaults()).check();

        assertThat(check.isValid()).isFalse();
        List<SceneProblem> problems = check.problems();
        assertThat(problems).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(csv);
            assertThat(problem.describe()).startsWith(csv + " line " + problem.line());
        });
        assertThat(problems.get(0).line()).as(problems.get(0).describe()).isEqualTo(expectedLine);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csvFiles")
    void theCursorNeverHandsOutAllOfAnInvalidFile(Path csv) throws IOException {
        // Callers check first; but a cursor opened anyway stops at the bad row (or has nothing to give).
        int streamed = 0;
        try (SceneCursor cursor = new CsvSceneSource(csv, SceneRules.defaults()).open()) {
            while (cursor.hasNext()) {
                cursor.next();
                streamed++;
            }
            assertThat(streamed).as("scenes streamed from a file with a bad row or none").isZero();
        } catch (SceneValidationException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.file()).isEqualTo(csv));
        }
    }

    static Stream<Path> csvFiles() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv")).sorted().toList().stream();
        }
    }

    private static Path corpus() {
        try {
            return Path.of(MalformedCsvCorpusTests.class.getResource("/malformed-csv/expected-lines.properties").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties expectedLines() {
        Properties lines = new Properties();
        try (Reader in = Files.newBufferedReader(CORPUS.resolve("expected-lines.properties"), StandardCharsets.UTF_8)) {
            lines.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
