package com.storystudio.batch.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** How problems read to the user, alone and summed up in the exception. */
class SceneProblemTest {

    private static final Path FILE = Path.of("sample-data/scenes.csv");

    @Test
    void describesFileLineColumnAndName() {
        assertThat(new SceneProblem(FILE, 4, 6, "sample_steps", "12 is outside 15-50").describe())
                .isEqualTo("sample-data/scenes.csv line 4, column 6 (sample_steps): 12 is outside 15-50");
        assertThat(new SceneProblem(FILE, 3, 7, null, "too many values").describe())
                .isEqualTo("sample-data/scenes.csv line 3, column 7: too many values");
        assertThat(new SceneProblem(FILE, 1, 0, "ignored", "the file is empty").describe())
                .isEqualTo("sample-data/scenes.csv line 1: the file is empty");
    }

    @Test
    void exceptionCountsAllProblemsAndSpellsOutTheFirstFew() {
        List<SceneProblem> problems = new ArrayList<>();
        IntStream.rangeClosed(1, 7).forEach(line -> problems.add(new SceneProblem(FILE, line, 2, "image", "bad " + line)));

        SceneValidationException e = new SceneValidationException(problems);
        problems.clear();

        assertThat(e.problems()).hasSize(7);
        assertThat(e.getMessage().lines()).containsExactly(
                "7 problems in the scene input:",
                "  sample-data/scenes.csv line 1, column 2 (image): bad 1",
                "  sample-data/scenes.csv line 2, column 2 (image): bad 2",
                "  sample-data/scenes.csv line 3, column 2 (image): bad 3",
                "  sample-data/scenes.csv line 4, column 2 (image): bad 4",
                "  sample-data/scenes.csv line 5, column 2 (image): bad 5",
                "  ... and 2 more");
        assertThatThrownBy(() -> new SceneValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolutionParsesCaseInsensitivelyAndTrimmed() {
        assertThat(Resolution.parse(" 720P ")).contains(Resolution.P720);
        assertThat(Resolution.parse("480p")).contains(Resolution.P480);
        assertThat(Resolution.parse("1080p")).isEmpty();
        assertThat(Resolution.parse("")).isEmpty();
        assertThat(Resolution.parse(null)).isEmpty();
        assertThat(Resolution.P720.value()).isEqualTo("720p");
    }
}
