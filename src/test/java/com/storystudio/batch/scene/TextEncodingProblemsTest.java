package com.storystudio.batch.scene;

import static com.storystudio.batch.testing.MediaFixtures.bytes;
import static com.storystudio.batch.testing.MediaFixtures.png;
import static com.storystudio.batch.testing.MediaFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text that is no UTF-8 CSV, and cells that run away, make short messages that point at the line. */
class TextEncodingProblemsTest {

    private static final String UTF16_HINT = "(is the file saved as UTF-16?); save the file with UTF-8 encoding";

    @TempDir
    Path dir;

    @BeforeEach
    void media() {
        png(dir.resolve("alice.png"));
        wav(dir.resolve("alice.wav"));
    }

    @Test
    void aNulByteInACellIsRefusedWhereItIs() throws IOException {
        List<SceneProblem> problems = problems("image,audio,prompt\nalice.png,alice.wav,Hi\nalice.png,alice.wav,He\0llo\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column, SceneProblem::message)
                .containsExactly(tuple(3L, 3, "contains NUL bytes " + UTF16_HINT));
    }

    @Test
    void aFileSavedAsUtf16WithoutBomIsRefusedAtItsHeader() throws IOException {
        List<SceneProblem> problems = problems("image,audio\nalice.png,alice.wav\n".getBytes(StandardCharsets.UTF_16LE));

        assertThat(problems).first().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.column()).isEqualTo(1);
            assertThat(problem.message()).isEqualTo("this column name contains NUL bytes " + UTF16_HINT);
            assertThat(problem.describe()).contains("column 1 (i\\0m\\0a\\0g\\0e)"); // the last NUL trimmed as whitespace
        });
    }

    @Test
    void aFileSavedAsUtf16WithBomIsRefusedAtItsHeader() throws IOException {
        // Java's UTF_16 writes a big-endian byte order mark, FE FF: neither byte occurs in UTF-8.
        List<SceneProblem> problems = problems("image,audio\nalice.png,alice.wav\n".getBytes(StandardCharsets.UTF_16));

        assertThat(problems).first().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).isEqualTo("this column name contains NUL bytes " + UTF16_HINT);
            assertThat(problem.describe()).contains("column 1 (\uFFFD\uFFFD\\0i\\0m");
        });
    }

    @Test
    void latin1TextIsRefusedWhereItIsShowingTheByteAsAReplacementCharacter() throws IOException {
        List<SceneProblem> problems = problems("scene_id,image,audio\ncaf\u00e9,alice.png,alice.wav\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column, SceneProblem::message).containsExactly(
                tuple(2L, 1, "contains bytes that are not valid UTF-8; save the file with UTF-8 encoding"));
    }

    @Test
    void aRunawayCellIsQuotedShortWithItsLength() throws IOException {
        String id = "x".repeat(100_000);

        List<SceneProblem> problems = problems(("scene_id,image,audio\n" + id + ",alice.png,alice.wav\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).startsWith("'" + "x".repeat(200) + "... (100000 characters)' is not a usable scene_id");
            assertThat(problem.describe()).hasSizeLessThan(600);
        });
    }

    @Test
    void lineBreaksAndControlCharactersInAQuotedValueAreShownNotPrinted() throws IOException {
        List<SceneProblem> problems = problems("scene_id,image,audio\n\"two\nli\u0007nes\",alice.png,alice.wav\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::message).containsExactly(tuple(2L,
                "'two\\nli\\u0007nes' is not a usable scene_id: use 1 to 64 letters, digits, '.', '_' or '-', starting "
                        + "with a letter or digit (it becomes part of file names)"));
    }

    private List<SceneProblem> problems(byte[] csv) throws IOException {
        return new CsvSceneSource(bytes(dir.resolve("scenes.csv"), csv), SceneRules.defaults()).check().problems();
    }
}
