package com.storystudio.batch.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenes of an input as the results list them: read from the CSV alone, the way the run numbered them. */
class SceneOutlinesTest {

    @TempDir
    Path folder;

    @Test
    void outlinesFollowTheRowsWithTheRunsIdsAndDefaultsAndNeverLookAtTheMedia() throws IOException {
        // No media file exists: an outline needs none, and a file moved away after the check changes nothing.
        Path csv = write("\uFEFFsceneId,imageUrl,audio,resolution,sampleSteps\n"
                + "intro,media/intro.png,media/intro.wav,720P,30\n"
                + "\n"
                + ",media/b.png,media/b.wav,,\n"
                + "\"outro\",https://media.example/o.png,https://media.example/o.mp3, 480p ,15\n");

        assertThat(new CsvSceneSource(csv, SceneRules.defaults()).outlines()).containsExactly(
                new SceneOutline(1, 2, "intro", Resolution.P720, 30),
                new SceneOutline(2, 4, "2", Resolution.P480, 20),
                new SceneOutline(3, 5, "outro", Resolution.P480, 15));
    }

    @Test
    void outlinesCarryThePromptAsWrittenForTheReport() throws IOException {
        Path csv = write("scene_id,image,audio,prompt\nhi,a.png,a.wav,\"A <b>bold</b> \"\"hello\"\"\"\nquiet,b.png,b.wav,\n");

        assertThat(new CsvSceneSource(csv, SceneRules.defaults()).outlines()).extracting(SceneOutline::prompt)
                .containsExactly("A <b>bold</b> \"hello\"", "");
    }

    @Test
    void anInputWithoutSceneIdsOrOptionalColumnsIsNumberedLikeTheRun() throws IOException {
        Path csv = write("image,audio\na.png,a.wav\nb.png,b.wav\n");

        assertThat(new CsvSceneSource(csv, SceneRules.defaults()).outlines()).extracting(SceneOutline::sceneId).containsExactly("1", "2");
    }

    @Test
    void anInputThatNoLongerParsesSaysWhereRatherThanListingHalfOfIt() throws IOException {
        Path csv = write("scene_id,image,audio\na,a.png,a.wav\n\"b,b.png,b.wav\n");

        assertThatThrownBy(() -> new CsvSceneSource(csv, SceneRules.defaults()).outlines()).isInstanceOf(SceneValidationException.class)
                .hasMessageContaining("line 3");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(folder.resolve("scenes.csv"), text, StandardCharsets.UTF_8);
    }
}
