package com.storystudio.batch.scene;

import static com.storystudio.batch.testing.MediaFixtures.bytes;
import static com.storystudio.batch.testing.MediaFixtures.png;
import static com.storystudio.batch.testing.MediaFixtures.text;
import static com.storystudio.batch.testing.MediaFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever the bytes, the check and the cursor fail only the documented way. Random bytes and mutations of
 * a valid file go through {@code check()} and through {@code open()} + iteration: no exception but
 * {@link SceneValidationException} (from the cursor) or an {@link IOException}; every problem names the file and a
 * line from 1; and a file the check passes is streamed whole, as many scenes as it counted.
 * The seed is printed; {@code -Dcsv.fuzz.seed=N} replays a run.
 */
class CsvSceneSourceFuzzTests {

    private static final int CASES = 2000;
    private static final String VALID = """
            scene_id,image,audio,prompt,resolution,sample_steps
            intro,media/face.png,media/voice.wav,"Host greeting, warm smile",480p,20
            remote,https://cdn.example.com/a.png,https://cdn.example.com/a.mp3,Speaking calmly,720p,25
            ,media/face.png,media/voice.wav,"Said ""hi""\nand left",,
            outro,media/face.png,https://cdn.example.com/b.mp3,Waving goodbye,480p,50
            """;
    private static final String[] INSERTS = {"\"", ",", "\r", "\n", "\r\n", "\0", "\uFEFF", "''", "\"\"\"", " ",
            "99999999999999999999", "-1e999999999", "1e9", "20.0", "../", "/etc/passwd", "media/notes.png",
            "https://", "file:", "\\", "é", "\uD83D\uDE00", "media", "x".repeat(70_000)};

    @TempDir
    Path dir;

    @BeforeEach
    void media() {
        png(dir.resolve("media/face.png"));
        wav(dir.resolve("media/voice.wav"));
        text(dir.resolve("media/notes.png"), "not an image");
    }

    @Test
    void noInputMakesTheReaderFailAnyOtherWay() throws IOException {
        long seed = Long.getLong("csv.fuzz.seed", System.nanoTime());
        System.out.println("CsvSceneSourceFuzzTests seed: " + seed + " (replay with -Dcsv.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        Path csv = dir.resolve("scenes.csv");
        for (int n = 0; n < CASES; n++) {
            byte[] content = random.nextInt(10) == 0 ? randomBytes(random) : mutated(random);
            bytes(csv, content);
            String replay = "case " + n + " of seed " + seed + ", content " + HexFormat.of().formatHex(content, 0,
                    Math.min(content.length, 512));
            try {
                check(csv, replay);
            } catch (RuntimeException e) {
                throw new AssertionError("unexpected " + e + "; " + replay, e);
            }
        }
    }

    private static void check(Path csv, String replay) throws IOException {
        CsvSceneSource source = new CsvSceneSource(csv, SceneRules.defaults());
        SceneCheck check = source.check();
        assertThat(check.problems()).as(replay).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(csv);
            assertThat(problem.line()).isGreaterThanOrEqualTo(1);
            assertThat(problem.column()).isGreaterThanOrEqualTo(0);
            assertThat(problem.describe()).startsWith(csv + " line ");
        });
        int streamed = 0;
        try (SceneCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                cursor.next();
                streamed++;
            }
            if (check.isValid()) {
                assertThat(streamed).as(replay).isEqualTo(check.scenes());
            }
        } catch (SceneValidationException e) {
            assertThat(check.isValid()).as("the check passed what the cursor refused: " + e.getMessage() + "; " + replay)
                    .isFalse();
            assertThat(e.problems()).as(replay).allSatisfy(problem -> assertThat(problem.line()).isPositive());
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] content = new byte[random.nextInt(400)];
        random.nextBytes(content);
        return content;
    }

    /** The valid file with one to six edits: characters deleted, inserted, duplicated, replaced; or cut short. */
    private static byte[] mutated(Random random) {
        StringBuilder text = new StringBuilder(VALID);
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 1, 2 -> text.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                case 3 -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
                case 4 -> text.setLength(at);
                default -> text.insert(at, (char) random.nextInt(0x80));
            }
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(8) != 0) {
            return utf8;
        }
        // Some bytes that are not UTF-8 (Latin-1 text, a stray continuation byte, a cut sequence).
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(utf8.length + 1);
        out.write(utf8, 0, at);
        out.write(new byte[] {(byte) 0xE9, (byte) 0x80, (byte) 0xE2, (byte) 0x82}, 0, 1 + random.nextInt(4));
        out.write(utf8, at, utf8.length - at);
        return out.toByteArray();
    }
}
