package com.storystudio.batch.scene;

import com.storystudio.batch.testing.MediaFixtures;

import static com.storystudio.batch.testing.MediaFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests over RunPod's body limit are caught before anything is submitted. */
class RequestSizeTest {

    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void localMediaOverTheTenMegabyteLimitAsBase64IsReported() throws IOException {
        sized("big.png", 2_400_000);   // 3.05 MiB as base64
        sized("big.wav", 6_000_000);   // 7.63 MiB as base64
        sized("small.wav", 4_000_000); // 5.09 MiB as base64

        List<SceneProblem> problems = new CsvSceneSource(text(dir.resolve("scenes.csv"), """
                scene_id,image,audio
                fits,big.png,small.wav
                too-big,big.png,big.wav
                """), SceneRules.defaults()).check().problems();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.column()).isZero();
            assertThat(problem.message()).isEqualTo("request would be 10.7 MB, over RunPod's 10 MB limit "
                    + "(image 3.1 MB as base64, audio 7.6 MB as base64); use smaller or shorter files, or host "
                    + "them and give http(s) URLs instead");
        });
    }

    @Test
    void theLimitIsInclusiveAndCountsOverheadPromptAndBase64Sizes() throws IOException {
        sized("a.png", 300); // 400 as base64
        sized("a.wav", 299); // 400 as base64
        // 100 overhead + 400 + 400 + prompt
        SceneRules rules = new SceneRules(1000, 100);

        List<SceneProblem> problems = new CsvSceneSource(text(dir.resolve("scenes.csv"), """
                image,audio,prompt
                a.png,a.wav,%s
                a.png,a.wav,%s
                a.png,a.wav,%s
                """.formatted("p".repeat(100), "p".repeat(101), "é".repeat(51))), rules).check().problems();

        assertThat(problems).extracting(SceneProblem::line).containsExactly(3L, 4L);
        assertThat(problems.get(0).message()).startsWith("request would be 1001 B, over RunPod's 1000 B limit "
                + "(image 400 B as base64, audio 400 B as base64, prompt 101 B)");
        assertThat(problems.get(1).message()).startsWith("request would be 1002 B, over RunPod's 1000 B limit");
    }

    @Test
    void urlsCountByTheirLength() throws IOException {
        String url = "https://example.com/" + "a".repeat(900);
        List<SceneProblem> problems = new CsvSceneSource(text(dir.resolve("scenes.csv"),
                "image,audio\n" + url + ",https://example.com/b.mp3\n"), new SceneRules(1000, 100)).check().problems();

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message())
                .startsWith("request would be 1 KB, over RunPod's 1000 B limit (image 920 B URL, audio 25 B URL)"));
    }

    @Test
    void roundingNeverHidesAnOverrun() {
        RequestBudget budget = new RequestBudget(SceneRules.defaults());
        MediaCheck.Accepted audio = MediaCheck.Accepted.remote(
                new MediaRef.Remote(URI.create("https://example.com/b.mp3")), 25);
        MediaCheck.Accepted exactFit = new MediaCheck.Accepted(new MediaRef.Local(dir.resolve("a.png")),
                10 * MIB - 4096 - 25, MediaFormat.PNG);
        MediaCheck.Accepted oneOver = new MediaCheck.Accepted(new MediaRef.Local(dir.resolve("a.png")),
                10 * MIB - 4096 - 24, MediaFormat.PNG);

        assertThat(budget.overrun(exactFit, audio, "")).isEmpty();
        assertThat(budget.overrun(oneOver, audio, "")).hasValueSatisfying(message -> assertThat(message)
                .startsWith("request would be 10485761 B, over RunPod's 10485760 B limit (image 10 MB as base64, "
                        + "audio 25 B URL)"));
    }

    @Test
    void rulesRejectNonsense() {
        assertThat(SceneRules.defaults()).isEqualTo(new SceneRules(10 * MIB, 4096));
        assertThatThrownBy(() -> new SceneRules(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SceneRules(100, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SceneRules(100, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizesAreShownInReadableUnits() {
        assertThat(RequestBudget.size(60)).isEqualTo("60 B");
        assertThat(RequestBudget.size(3584)).isEqualTo("3.5 KB");
        assertThat(RequestBudget.size(10 * MIB)).isEqualTo("10 MB");
        assertThat(RequestBudget.size(13_002_342)).isEqualTo("12.4 MB");
    }

    /** A file of {@code bytes} bytes that starts like the image or audio its name says, so the check takes it. */
    private void sized(String name, long bytes) throws IOException {
        Path file = dir.resolve(name);
        if (name.endsWith(".png")) {
            MediaFixtures.png(file);
        } else {
            MediaFixtures.wav(file);
        }
        try (RandomAccessFile sized = new RandomAccessFile(file.toFile(), "rw")) {
            sized.setLength(bytes);
        }
    }
}
