package com.storystudio.batch.scene;

import static com.storystudio.batch.testing.MediaFixtures.bytes;
import static com.storystudio.batch.testing.MediaFixtures.png;
import static com.storystudio.batch.testing.MediaFixtures.text;
import static com.storystudio.batch.testing.MediaFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Local media are told by their first bytes, not their names: a file that is no image or audio the model takes
 * is refused by the check, before a job is paid for.
 */
class MediaContentCheckTest {

    @TempDir
    Path dir;

    @BeforeEach
    void media() {
        png(dir.resolve("media/face.png"));
        wav(dir.resolve("media/voice.wav"));
    }

    @Test
    void aTextFileNamedPngIsRefusedWithFileLineAndColumn() throws IOException {
        text(dir.resolve("media/notes.png"), "this is not a picture\n");

        List<SceneProblem> problems = problems("""
                scene_id,image,audio
                ok,media/face.png,media/voice.wav
                bad,media/notes.png,media/voice.wav
                """);

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.describe())
                .isEqualTo(dir.resolve("scenes.csv") + " line 3, column 2 (image): media/notes.png is not a PNG, "
                        + "JPEG or WebP image (it starts like text)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            PNG      | 89 50 4E 47 0D 0A 1A 0A 00 00 00 0D 49 48 44 52
            JPEG     | FF D8 FF E0 00 10 4A 46 49 46 00 01
            WebP     | 52 49 46 46 24 00 00 00 57 45 42 50 56 50 38 20
            """)
    void imagesThatTheModelTakesPass(String format, String head) throws IOException {
        bytes(dir.resolve("media/picture"), hex(head));

        assertThat(problems("image,audio\nmedia/picture,media/voice.wav\n")).as(format).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "|", textBlock = """
            WAV             | 52 49 46 46 24 00 00 00 57 41 56 45 66 6D 74 20
            MP3 with ID3    | 49 44 33 04 00 00 00 00 00 00
            MP3 frame sync  | FF FB 90 64 00 00 00 00
            FLAC            | 66 4C 61 43 00 00 00 22
            OGG             | 4F 67 67 53 00 02 00 00
            M4A             | 00 00 00 20 66 74 79 70 4D 34 41 20 00 00 00 00
            """)
    void audioThatTheModelTakesPasses(String format, String head) throws IOException {
        bytes(dir.resolve("media/sound"), hex(head));

        assertThat(problems("image,audio\nmedia/face.png,media/sound\n")).as(format).isEmpty();
    }

    @ParameterizedTest(name = "{0} as image")
    @CsvSource(delimiterString = "|", textBlock = """
            a WAV          | 52 49 46 46 24 00 00 00 57 41 56 45 66 6D 74 20 | it is a WAV audio file
            a GIF          | 47 49 46 38 39 61 01 00 01 00                   | it is a GIF image
            an HEIC photo  | 00 00 00 18 66 74 79 70 68 65 69 63 00 00 00 00 | it is an HEIC or AVIF image
            a PDF          | 25 50 44 46 2D 31 2E 37                         | it is a PDF document
            an HTML page   | 0A 20 3C 21 44 4F 43 54 59 50 45 20 68 74 6D 6C | it starts like HTML or XML: a web page saved in its place?
            zeros          | 00 00 00 00 00 00 00 00                         | its first bytes are those of no known image or audio format
            two bytes      | FF D8                                           | its first bytes are those of no known image or audio format
            """)
    void whatIsNoImageIsRefusedSayingWhatItIs(String what, String head, String found) throws IOException {
        bytes(dir.resolve("media/face.jpg"), hex(head));

        assertThat(problems("image,audio\nmedia/face.jpg,media/voice.wav\n"))
                .extracting(SceneProblem::line, SceneProblem::column, SceneProblem::message)
                .as(what).containsExactly(tuple(2L, 1, "media/face.jpg is not a PNG, JPEG or WebP image (" + found + ")"));
    }

    @Test
    void anImageInTheAudioColumnIsRefused() throws IOException {
        assertThat(problems("image,audio\nmedia/face.png,media/face.png\n"))
                .extracting(SceneProblem::column, SceneProblem::message)
                .containsExactly(tuple(2, "media/face.png is not a WAV, MP3, FLAC, OGG or M4A audio file (it is a PNG image)"));
    }

    @Test
    void eachRowNamesTheFileAsItsCellWroteIt() throws IOException {
        text(dir.resolve("media/notes.wav"), "Hello");

        assertThat(problems("image,audio\nmedia/face.png,media/notes.wav\nmedia/face.png,./media/../media/notes.wav\n"))
                .extracting(SceneProblem::line, SceneProblem::message).containsExactly(
                        tuple(2L, "media/notes.wav is not a WAV, MP3, FLAC, OGG or M4A audio file (it starts like text)"),
                        tuple(3L, "./media/../media/notes.wav is not a WAV, MP3, FLAC, OGG or M4A audio file "
                                + "(it starts like text)"));
    }

    @Test
    void urlsAreNotLookedAtWhateverTheirNames() throws IOException {
        assertThat(problems("image,audio\nhttps://cdn.example/voice.wav,https://cdn.example/face.png\n")).isEmpty();
    }

    @Test
    void theSampleProjectsMediaPass() throws IOException {
        SceneCheck check = new CsvSceneSource(Path.of("sample-data/scenes.csv"), SceneRules.defaults()).check();

        assertThat(check.problems()).isEmpty();
        assertThat(check.scenes()).isEqualTo(5);
    }

    private List<SceneProblem> problems(String csv) throws IOException {
        return new CsvSceneSource(text(dir.resolve("scenes.csv"), csv), SceneRules.defaults()).check().problems();
    }

    private static byte[] hex(String spaced) {
        String[] parts = spaced.trim().split(" +");
        byte[] result = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            result[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return result;
    }
}
