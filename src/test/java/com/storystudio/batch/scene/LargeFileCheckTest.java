package com.storystudio.batch.scene;

import com.storystudio.batch.testing.MediaFixtures;

import static com.storystudio.batch.testing.MediaFixtures.png;
import static com.storystudio.batch.testing.MediaFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 100 000-row storyboard is checked and streamed in one pass; the timings are printed, not asserted. */
class LargeFileCheckTest {

    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    @Test
    void checksAndStreamsAHundredThousandRows() throws IOException {
        png(dir.resolve("face.png"));
        for (int i = 0; i < 10; i++) {
            wav(dir.resolve("voice/" + i + ".wav"), 200, i);
        }
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("scene_id,image,audio,prompt,resolution,sample_steps\n");
            for (int row = 1; row <= ROWS; row++) {
                String image = row % 2 == 0 ? "face.png" : "https://cdn.example.com/faces/" + row + ".png";
                String audio = row % 3 == 0 ? "voice/" + row % 10 + ".wav" : "https://cdn.example.com/voice/" + row + ".mp3";
                out.write("scene-" + row + "," + image + "," + audio + ",\"Scene " + row + ", speaking calmly\",720p,25\n");
            }
        }
        CsvSceneSource source = new CsvSceneSource(csv, SceneRules.defaults());

        long started = System.nanoTime();
        assertThat(source.check().problems()).isEmpty();
        long checked = System.nanoTime();
        long count = 0;
        long lastLine = 0;
        try (SceneCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                Scene scene = cursor.next();
                count++;
                lastLine = scene.line();
            }
        }
        long streamed = System.nanoTime();

        assertThat(count).isEqualTo(ROWS);
        assertThat(lastLine).isEqualTo(ROWS + 1);
        System.out.printf("%,d rows: check() %d ms, open()+iterate %d ms%n", ROWS,
                (checked - started) / 1_000_000, (streamed - checked) / 1_000_000);
    }
}
