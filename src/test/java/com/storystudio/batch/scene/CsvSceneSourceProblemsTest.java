package com.storystudio.batch.scene;

import com.storystudio.batch.testing.MediaFixtures;

import static com.storystudio.batch.testing.MediaFixtures.png;
import static com.storystudio.batch.testing.MediaFixtures.text;
import static com.storystudio.batch.testing.MediaFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input is reported with its line, column and a useful message, all in one pass. */
class CsvSceneSourceProblemsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void media() {
        png(dir.resolve("alice.png"));
        wav(dir.resolve("alice.wav"));
    }

    // ---- the file and its header ----

    @Test
    void emptyFile() throws IOException {
        assertThat(problems("")).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.column()).isZero();
            assertThat(problem.columnName()).isNull();
            assertThat(problem.message()).contains("the file is empty");
        });
    }

    @Test
    void fileWithOnlyABomAndBlankLinesIsEmpty() throws IOException {
        assertThat(problems("\uFEFF\n  \n\n")).extracting(SceneProblem::line, SceneProblem::column)
                .containsExactly(tuple(1L, 0));
    }

    @Test
    void unknownColumnIsNamedWithTheKnownNames() throws IOException {
        List<SceneProblem> problems = problems("""
                scene_id,imgae,audio
                a,alice.png,alice.wav
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column, SceneProblem::columnName)
                .containsExactly(tuple(1L, 2, "imgae"), tuple(1L, 0, null));
        assertThat(problems.get(0).message()).isEqualTo("unknown column 'imgae' (a typo?); known columns: "
                + "scene_id (or sceneId), image (or imageUrl), audio (or audioUrl), prompt, resolution, "
                + "sample_steps (or sampleSteps)");
        assertThat(problems.get(1).message()).startsWith("the header has no image (or imageUrl) column");
    }

    @Test
    void aColumnGivenTwiceViaAnAlias() throws IOException {
        List<SceneProblem> problems = problems("""
                image,audio,ImageURL
                alice.png,alice.wav,alice.png
                """);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.describe()).endsWith("scenes.csv line 1, column 3 (ImageURL): column 'ImageURL' "
                    + "repeats 'image' (column 1); each column may appear only once");
        });
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsStopsTheCheck() throws IOException {
        List<SceneProblem> problems = problems("""
                https://example.com/a.png,https://example.com/a.mp3
                https://example.com/b.png,https://example.com/b.mp3
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column)
                .containsExactly(tuple(1L, 1), tuple(1L, 2), tuple(1L, 0), tuple(1L, 0));
        assertThat(problems.get(2).message()).contains("no image (or imageUrl) column")
                .contains("the first non-blank line must be a header");
        assertThat(problems.get(3).message()).contains("no audio (or audioUrl) column");
    }

    @Test
    void anUnnamedColumnAndAHeaderAfterBlankLines() throws IOException {
        List<SceneProblem> problems = problems("\n\nimage,audio,\nalice.png,alice.wav,\n");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isEqualTo(3);
            assertThat(problem.columnName()).isNull();
            assertThat(problem.message()).startsWith("this column has no name");
        });
    }

    @Test
    void openRefusesAFileWithHeaderProblems() {
        CsvSceneSource source = source("scene_id,imgae,audio\na,alice.png,alice.wav\n");

        assertThatThrownBy(source::open).isInstanceOfSatisfying(SceneValidationException.class,
                e -> assertThat(e.problems()).hasSize(2));
        assertThatThrownBy(source("")::open).isInstanceOfSatisfying(SceneValidationException.class,
                e -> assertThat(e.problems()).singleElement().extracting(SceneProblem::line).isEqualTo(1L));
    }

    // ---- values ----

    @Test
    void sceneIdMustBeUsableInFileNames() throws IOException {
        List<SceneProblem> problems = problems("""
                scene_id,image,audio
                bad id!,alice.png,alice.wav
                -dash-first,alice.png,alice.wav
                %s,alice.png,alice.wav
                ok.Scene_1-b,alice.png,alice.wav
                %s,alice.png,alice.wav
                """.formatted("x".repeat(65), "y".repeat(64)));

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column, SceneProblem::columnName)
                .containsExactly(tuple(2L, 1, "scene_id"), tuple(3L, 1, "scene_id"), tuple(4L, 1, "scene_id"));
        assertThat(problems.get(0).message()).isEqualTo("'bad id!' is not a usable scene_id: use 1 to 64 letters,"
                + " digits, '.', '_' or '-', starting with a letter or digit (it becomes part of file names)");
    }

    @Test
    void duplicateSceneIdsNameBothLines() throws IOException {
        List<SceneProblem> problems = problems("""
                scene_id,image,audio
                intro,alice.png,alice.wav
                ,alice.png,alice.wav
                outro,alice.png,alice.wav
                INTRO,alice.png,alice.wav
                2,alice.png,alice.wav
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column, SceneProblem::message)
                .containsExactly(
                        tuple(5L, 1, "duplicate scene_id 'INTRO': used on line 2 and again on line 5 "
                                + "(ids must differ, ignoring case)"),
                        tuple(6L, 1, "duplicate scene_id '2': used on line 3 and again on line 6 "
                                + "(ids must differ, ignoring case)"));
    }

    @Test
    void requiredMediaMustBePresent() throws IOException {
        List<SceneProblem> problems = problems("""
                scene_id,image,audio,prompt
                a,,alice.wav,x
                b,alice.png
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column, SceneProblem::columnName)
                .containsExactly(tuple(2L, 2, "image"), tuple(3L, 3, "audio"));
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message())
                .isEqualTo("a value is required: an http(s) URL, or a path to a file in the CSV file's folder"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a.png", "file:///etc/passwd", "data:image/png;base64,iVBORw0K",
            "s3://bucket/a.png", "FILE:alice.png"})
    void otherUrlSchemesAreRejected(String value) throws IOException {
        List<SceneProblem> problems = problems("image,audio\n\"" + value + "\",alice.wav\n");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo(1);
            assertThat(problem.message()).startsWith("must be an http(s) URL or a local file path");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"https:///a.png", "http:alice.png", "https://exa mple.com/a.png"})
    void malformedHttpUrlsAreRejected(String value) throws IOException {
        assertThat(problems("image,audio\nalice.png," + value + "\n")).singleElement()
                .satisfies(problem -> {
                    assertThat(problem.column()).isEqualTo(2);
                    assertThat(problem.message()).contains(value);
                });
    }

    @Test
    void localFilesMustExistBeRegularAndNonEmpty() throws IOException {
        Files.createDirectory(dir.resolve("folder"));
        Files.createFile(dir.resolve("empty.wav"));

        List<SceneProblem> problems = problems("""
                image,audio
                missing.png,alice.wav
                folder,alice.wav
                alice.png,empty.wav
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column, SceneProblem::message)
                .containsExactly(
                        tuple(2L, 1, "file not found: " + dir.resolve("missing.png")
                                + " (relative paths are resolved against " + dir + ")"),
                        tuple(3L, 1, dir.resolve("folder") + " is not a regular file (it is a folder)"),
                        tuple(4L, 2, dir.resolve("empty.wav") + " is empty (0 bytes)"));
    }

    @Test
    void localFilesMustBeReadable() throws IOException {
        Path locked = wav(dir.resolve("locked.wav"));
        try {
            Files.setPosixFilePermissions(locked, Set.of());
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions on this file system");
        }
        assumeFalse(Files.isReadable(locked), "running with privileges that read any file");

        assertThat(problems("image,audio\nalice.png,locked.wav\n")).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo(2);
            assertThat(problem.message()).isEqualTo(locked + " is not readable (check its permissions)");
        });
    }

    @Test
    void resolutionMustBeSupported() throws IOException {
        List<SceneProblem> problems = problems("""
                image,audio,resolution
                alice.png,alice.wav,1080p
                alice.png,alice.wav,480
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column, SceneProblem::message)
                .containsExactly(
                        tuple(2L, 3, "'1080p' is not a supported resolution; use 480p or 720p (blank means 480p)"),
                        tuple(3L, 3, "'480' is not a supported resolution; use 480p or 720p (blank means 480p)"));
    }

    @Test
    void sampleStepsMustBeAWholeNumberFrom15To50() throws IOException {
        List<SceneProblem> problems = problems("""
                image,audio,sample_steps
                alice.png,alice.wav,12
                alice.png,alice.wav,51
                alice.png,alice.wav,twenty
                alice.png,alice.wav,20.5
                alice.png,alice.wav,99999999999
                alice.png,alice.wav,15
                alice.png,alice.wav,50
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::message).containsExactly(
                tuple(2L, "12 is outside 15-50"),
                tuple(3L, "51 is outside 15-50"),
                tuple(4L, "'twenty' is not a whole number; use 15-50 (blank means 20)"),
                tuple(5L, "'20.5' is not a whole number; use 15-50 (blank means 20)"),
                tuple(6L, "99999999999 is outside 15-50"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "-99999999999999999999", "1e9", "-1e9", "1e999999999999",
            "1e-999999999999", "2147483648", "-2147483649", "0", "-20", "14.999999999999999999999", "50.0000000001"})
    void sampleStepsOfAnySizeAreOutsideTheRangeNeverAnOverflow(String steps) throws IOException {
        assertThat(problems("image,audio,sample_steps\nalice.png,alice.wav," + steps + "\n"))
                .extracting(SceneProblem::line, SceneProblem::column, SceneProblem::message)
                .containsExactly(tuple(2L, 3, steps + " is outside 15-50"));
    }

    @Test
    void sampleStepsWrittenAsADecimalOfAWholeNumberAreThatNumber() throws IOException {
        // pandas writes a number column that has blanks as floats: 20.0
        Path csv = text(dir.resolve("scenes.csv"), "image,audio,sample_steps\nalice.png,alice.wav,20.0\n"
                + "alice.png,alice.wav,+35\nalice.png,alice.wav,2.5e1\nalice.png,alice.wav,\n");
        CsvSceneSource source = new CsvSceneSource(csv, SceneRules.defaults());

        assertThat(source.check().problems()).isEmpty();
        try (SceneCursor cursor = source.open()) {
            List<Integer> steps = new ArrayList<>();
            cursor.forEachRemaining(scene -> steps.add(scene.sampleSteps()));
            assertThat(steps).containsExactly(20, 35, 25, 20);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.5", "1e", "0x14", "NaN", "Infinity", "twenty", "2 0", "\u0662\u0660", "20..0", "."})
    void sampleStepsThatAreNoWholeNumberSayJustThat(String steps) throws IOException {
        assertThat(problems("image,audio,sample_steps\nalice.png,alice.wav,\"" + steps + "\"\n"))
                .extracting(SceneProblem::line, SceneProblem::column, SceneProblem::message)
                .containsExactly(tuple(2L, 3, "'" + steps + "' is not a whole number; use 15-50 (blank means 20)"));
    }

    @Test
    void aRowWithMoreValuesThanTheHeader() throws IOException {
        List<SceneProblem> problems = problems("""
                image,audio,prompt
                alice.png,alice.wav,Hello, world
                """);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.describe()).endsWith("scenes.csv line 2, column 4: this row has 4 values but the "
                    + "header has 3 columns; put values that contain a comma in double quotes");
        });
    }

    @Test
    void bytesThatAreNotUtf8ArePinpointed() throws IOException {
        byte[] latin1 = "image,audio,prompt\nalice.png,alice.wav,Caf\u00e9 scene\n".getBytes(StandardCharsets.ISO_8859_1);
        Path csv = MediaFixtures.bytes(dir.resolve("scenes.csv"), latin1);

        assertThat(new CsvSceneSource(csv, SceneRules.defaults()).check().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo(3);
            assertThat(problem.message()).contains("not valid UTF-8");
        });
    }

    @Test
    void aHeaderThatIsNotUtf8() throws IOException {
        byte[] latin1 = "image,audio,r\u00e9solution\nalice.png,alice.wav,720p\n".getBytes(StandardCharsets.ISO_8859_1);
        Path csv = MediaFixtures.bytes(dir.resolve("scenes.csv"), latin1);

        assertThat(new CsvSceneSource(csv, SceneRules.defaults()).check().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.column()).isEqualTo(3);
            assertThat(problem.message()).contains("not valid UTF-8");
        });
    }

    @Test
    void anUnclosedQuoteEndsTheCheckAtTheRecordWhereItOpens() throws IOException {
        List<SceneProblem> problems = problems("""
                image,audio,sample_steps
                alice.png,alice.wav,5
                alice.png,alice.wav,20
                alice.png,"alice.wav,20
                alice.png,alice.wav,20
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column)
                .containsExactly(tuple(2L, 3), tuple(4L, 0));
        assertThat(problems.get(1).message()).startsWith("a quoted value in this record is never closed")
                .contains("the file cannot be read past this point");
    }

    @Test
    void textAfterAClosingQuoteIsASyntaxError() throws IOException {
        List<SceneProblem> problems = problems("""
                image,audio,prompt
                alice.png,alice.wav,"multi
                line"
                alice.png,alice.wav,"quoted" trailing
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column).containsExactly(tuple(4L, 0));
        assertThat(problems.get(0).message()).startsWith("text follows a closing quote in this record");
    }

    // ---- collecting ----

    @Test
    void collectsEveryProblemOfEveryRowInOnePassInColumnOrder() throws IOException {
        List<SceneProblem> problems = problems("""
                scene_id,image,audio,prompt,resolution,sample_steps
                ok,alice.png,alice.wav,fine,720p,20
                bad id,ftp://x/a.png,,"two
                lines",4k,9
                ok2,alice.png,nope.wav,,,
                ok,https://example.com/a.png,alice.wav,,480p,20,extra
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column, SceneProblem::columnName)
                .containsExactly(
                        tuple(3L, 1, "scene_id"), tuple(3L, 2, "image"), tuple(3L, 3, "audio"),
                        tuple(3L, 5, "resolution"), tuple(3L, 6, "sample_steps"),
                        tuple(5L, 3, "audio"),
                        tuple(6L, 1, "scene_id"), tuple(6L, 7, null));
    }

    @Test
    void openThrowsAtTheFirstInvalidRowAfterTheValidOnes() throws IOException {
        CsvSceneSource source = source("""
                scene_id,image,audio,sample_steps
                a,alice.png,alice.wav,20
                b,alice.png,alice.wav,10
                c,alice.png,alice.wav,20
                """);

        try (SceneCursor cursor = source.open()) {
            assertThat(cursor.next().sceneId()).isEqualTo("a");
            assertThat(cursor.hasNext()).isTrue();
            assertThatThrownBy(cursor::next).isInstanceOfSatisfying(SceneValidationException.class, e -> {
                assertThat(e.problems()).extracting(SceneProblem::line, SceneProblem::column)
                        .containsExactly(tuple(3L, 4));
                assertThat(e.getMessage()).isEqualTo("1 problem in the scene input:" + System.lineSeparator()
                        + "  " + dir.resolve("scenes.csv") + " line 3, column 4 (sample_steps): 10 is outside 15-50");
            });
            assertThat(cursor.hasNext()).isFalse();
        }
    }

    private List<SceneProblem> problems(String csv) throws IOException {
        return source(csv).check().problems();
    }

    private CsvSceneSource source(String csv) {
        return new CsvSceneSource(text(dir.resolve("scenes.csv"), csv), SceneRules.defaults());
    }
}
