package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.testing.MediaFixtures;

/**
 * Random bytes and broken copies of a good storyboard given to the command's first answer: it is always a usage error
 * (exit 2) or "go on" for a file that is valid after all, never an exception, never exit 1, never a stack trace. The
 * reader's own property test (scene.CsvSceneSourceFuzzTests) goes deeper; this one holds the command to it. The seed is
 * printed; {@code -Dcommand.fuzz.seed=N} replays a run.
 */
class EarlyAnswerFuzzTests {

    private static final int CASES = 300;
    private static final String GOOD = """
            scene_id,image,audio,prompt,resolution,sample_steps
            intro,media/face.png,media/voice.wav,"Hello, world",480p,20
            outro,media/face.png,media/voice.wav,Bye,720p,30
            """;

    @TempDir
    Path work;

    @Test
    void everyInputIsAnsweredWithAnExitCodeNeverAnException() throws Exception {
        MediaFixtures.png(work.resolve("media/face.png"));
        MediaFixtures.wav(work.resolve("media/voice.wav"));
        long seed = Long.getLong("command.fuzz.seed", System.nanoTime());
        System.out.println("EarlyAnswerFuzzTests seed: " + seed + " (replay with -Dcommand.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        Path csv = work.resolve("storyboard.csv");
        Files.writeString(csv, GOOD);
        assertThat(new EarlyAnswer(System.out, System.err).answer("--input=" + csv)).as("the storyboard before it is broken").isEmpty();
        for (int n = 0; n < CASES; n++) {
            Files.write(csv, random.nextInt(4) == 0 ? randomBytes(random) : broken(random));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            Optional<Integer> exit = new EarlyAnswer(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).answer("--input=" + csv);

            String said = err.toString(StandardCharsets.UTF_8);
            String replay = "case %d of seed %d: %s".formatted(n, seed, said);
            assertThat(exit).as(replay).satisfiesAnyOf(code -> assertThat(code).contains(2), code -> assertThat(code).isEmpty());
            assertThat(said).as(replay).doesNotContain("\tat ", "Exception");
            if (exit.isPresent()) {
                assertThat(said).as(replay).contains("input rejected").containsPattern("line \\d+");
            }
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(400)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The good storyboard with a few characters deleted, doubled or replaced by CSV's own punctuation. */
    private static byte[] broken(Random random) {
        StringBuilder text = new StringBuilder(GOOD);
        String[] inserts = {"\"", ",", "\n", "\r", "\0", "\uFEFF", "99999999999999999999", "../", "=cmd"};
        for (int edits = 1 + random.nextInt(4); edits > 0 && text.length() > 0; edits--) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, inserts[random.nextInt(inserts.length)]);
                default -> text.insert(at, text.charAt(at));
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
