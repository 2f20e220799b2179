package com.storystudio.batch.scene;

import com.storystudio.batch.testing.MediaFixtures;

import static com.storystudio.batch.testing.MediaFixtures.png;
import static com.storystudio.batch.testing.MediaFixtures.text;
import static com.storystudio.batch.testing.MediaFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading valid storyboards: values, defaults, header variants, quoting and line numbers. */
class CsvSceneSourceTest {

    @TempDir
    Path dir;

    @BeforeEach
    void media() {
        png(dir.resolve("alice.png"));
        wav(dir.resolve("audio/alice.wav"));
    }

    @Test
    void readsUrlsAndLocalFiles() throws IOException {
        Path csv = text(dir.resolve("scenes.csv"), """
                scene_id,image,audio,prompt,resolution,sample_steps
                intro,https://example.com/character.png,https://example.com/speech.mp3,Person speaking,720p,30
                local,alice.png,audio/alice.wav,,480p,15
                mixed,http://cdn.example.com/a.png,%s,"Calm, warm voice",720P,50
                """.formatted(dir.resolve("audio/alice.wav")));

        CsvSceneSource source = new CsvSceneSource(csv, SceneRules.defaults());

        assertThat(source.check()).isEqualTo(new SceneCheck(List.of(), 3));
        List<Scene> scenes = readAll(source);
        assertThat(scenes).containsExactly(
                new Scene(1, 2, "intro", new MediaRef.Remote(URI.create("https://example.com/character.png")),
                        new MediaRef.Remote(URI.create("https://example.com/speech.mp3")), "Person speaking",
                        Resolution.P720, 30),
                new Scene(2, 3, "local", new MediaRef.Local(real("alice.png")), new MediaRef.Local(real("audio/alice.wav")),
                        "", Resolution.P480, 15),
                new Scene(3, 4, "mixed", new MediaRef.Remote(URI.create("http://cdn.example.com/a.png")),
                        new MediaRef.Local(real("audio/alice.wav")), "Calm, warm voice", Resolution.P720, 50));
        assertThat(source.describe()).isEqualTo(csv.toString());
    }

    @Test
    void blankOptionalValuesTakeTheApiDefaults() throws IOException {
        Path csv = text(dir.resolve("scenes.csv"), """
                scene_id,image,audio,prompt,resolution,sample_steps
                ,alice.png,audio/alice.wav,,,
                second,alice.png,audio/alice.wav
                """);

        List<Scene> scenes = checkedScenes(csv);

        assertThat(scenes).extracting(Scene::sceneId, Scene::prompt, Scene::resolution, Scene::sampleSteps)
                .containsExactly(
                        tuple("1", "", Resolution.P480, 20),
                        tuple("second", "", Resolution.P480, 20));
    }

    @Test
    void onlyImageAndAudioColumnsAreNeeded() throws IOException {
        Path csv = text(dir.resolve("scenes.csv"), "audio,image\naudio/alice.wav,alice.png\n");

        Scene scene = checkedScenes(csv).get(0);

        assertThat(scene.sceneId()).isEqualTo("1");
        assertThat(scene.image().describe()).endsWith("alice.png");
        assertThat(scene.audio().describe()).endsWith("alice.wav");
        assertThat(scene.prompt()).isEmpty();
        assertThat(scene.resolution()).isEqualTo(Resolution.P480);
        assertThat(scene.sampleSteps()).isEqualTo(20);
    }

    @Test
    void acceptsTheApiDocumentsCamelCaseNamesInAnyCase() throws IOException {
        Path csv = text(dir.resolve("scenes.csv"), """
                SceneId,imageUrl,AUDIOURL,Prompt,Resolution,sampleSteps
                s1,https://example.com/a.png,https://example.com/a.mp3,Hello,720p,25
                """);

        Scene scene = checkedScenes(csv).get(0);

        assertThat(scene).isEqualTo(new Scene(1, 2, "s1", new MediaRef.Remote(URI.create("https://example.com/a.png")),
                new MediaRef.Remote(URI.create("https://example.com/a.mp3")), "Hello", Resolution.P720, 25));
    }

    @Test
    void ignoresALeadingByteOrderMark() throws IOException {
        Path csv = MediaFixtures.bytes(dir.resolve("scenes.csv"),
                "\uFEFFscene_id,image,audio\nbom,alice.png,audio/alice.wav\n".getBytes(StandardCharsets.UTF_8));

        Scene scene = checkedScenes(csv).get(0);

        assertThat(scene.sceneId()).isEqualTo("bom");
        assertThat(scene.line()).isEqualTo(2);
    }

    @Test
    void countsABomOnlyFirstLineAndBlankLines() throws IOException {
        Path csv = MediaFixtures.bytes(dir.resolve("scenes.csv"), ("\uFEFF\r\n"
                + "scene_id,image,audio\r\n"
                + "\r\n"
                + "a,alice.png,audio/alice.wav\r\n"
                + "   \r\n"
                + "\r\n"
                + "b,alice.png,audio/alice.wav\r\n"
                + "\r\n").getBytes(StandardCharsets.UTF_8));

        List<Scene> scenes = checkedScenes(csv);

        assertThat(scenes).extracting(Scene::sceneId, Scene::position, Scene::line).containsExactly(
                tuple("a", 1, 4L),
                tuple("b", 2, 7L));
    }

    @Test
    void quotedPromptsMaySpanLinesAndLaterLineNumbersStayRight() throws IOException {
        Path csv = text(dir.resolve("scenes.csv"), """
                scene_id,image,audio,prompt,sample_steps
                one,alice.png,audio/alice.wav,"First line
                second line, with a comma
                and ""quotes""\",20
                two,alice.png,audio/alice.wav,plain,99
                """);
        CsvSceneSource source = new CsvSceneSource(csv, SceneRules.defaults());

        assertThat(source.check().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(5);
            assertThat(problem.column()).isEqualTo(5);
            assertThat(problem.columnName()).isEqualTo("sample_steps");
            assertThat(problem.message()).isEqualTo("99 is outside 15-50");
        });
        try (SceneCursor cursor = source.open()) {
            Scene one = cursor.next();
            assertThat(one.prompt()).isEqualTo("First line\nsecond line, with a comma\nand \"quotes\"");
            assertThat(one.line()).isEqualTo(2);
            assertThatThrownBy(cursor::next).isInstanceOf(SceneValidationException.class)
                    .hasMessageContaining("line 5, column 5 (sample_steps): 99 is outside 15-50");
            assertThat(cursor.hasNext()).isFalse();
        }
    }

    @Test
    void trimsSurroundingWhitespaceIncludingAroundQuotes() throws IOException {
        Path csv = text(dir.resolve("scenes.csv"), """
                 scene_id , image , audio , prompt , resolution , sample_steps\s
                  x1  ,  alice.png ,audio/alice.wav ,  "Hi, there"  , 720p ,  35\s
                """);

        Scene scene = checkedScenes(csv).get(0);

        assertThat(scene.sceneId()).isEqualTo("x1");
        assertThat(scene.prompt()).isEqualTo("Hi, there");
        assertThat(scene.resolution()).isEqualTo(Resolution.P720);
        assertThat(scene.sampleSteps()).isEqualTo(35);
    }

    @Test
    void openStreamsScenesInFileOrder() throws IOException {
        StringBuilder csv = new StringBuilder("scene_id,image,audio,prompt\n");
        for (int i = 1; i <= 500; i++) {
            csv.append("s").append(i).append(",alice.png,https://example.com/").append(i).append(".mp3,prompt ")
                    .append(i).append('\n');
        }
        CsvSceneSource source = new CsvSceneSource(text(dir.resolve("scenes.csv"), csv.toString()), SceneRules.defaults());

        List<Scene> scenes = readAll(source);

        assertThat(scenes).hasSize(500);
        for (int i = 0; i < scenes.size(); i++) {
            assertThat(scenes.get(i).position()).isEqualTo(i + 1);
            assertThat(scenes.get(i).line()).isEqualTo(i + 2);
            assertThat(scenes.get(i).sceneId()).isEqualTo("s" + (i + 1));
            assertThat(scenes.get(i).prompt()).isEqualTo("prompt " + (i + 1));
        }
    }

    @Test
    void aHeaderOnlyFileIsAProblemBecauseThereIsNothingToRun() throws IOException {
        CsvSceneSource source = new CsvSceneSource(text(dir.resolve("scenes.csv"), "\nimage,audio\n\n"), SceneRules.defaults());

        assertThat(source.check().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("no scenes");
        });
        assertThat(readAll(source)).isEmpty();
    }

    @Test
    void relativeCsvPathsWork() throws IOException {
        Path csv = text(dir.resolve("scenes.csv"), "image,audio\nalice.png,audio/alice.wav\n");
        Path relative = Path.of("").toAbsolutePath().relativize(csv);

        CsvSceneSource source = new CsvSceneSource(relative, SceneRules.defaults());

        assertThat(source.check().problems()).isEmpty();
        assertThat(readAll(source)).singleElement()
                .satisfies(scene -> assertThat(scene.image()).isEqualTo(new MediaRef.Local(real("alice.png"))));
    }

    @Test
    void aMissingCsvFileIsAnIoError() {
        CsvSceneSource source = new CsvSceneSource(dir.resolve("nope.csv"), SceneRules.defaults());

        assertThatThrownBy(source::check).isInstanceOf(IOException.class);
        assertThatThrownBy(source::open).isInstanceOf(IOException.class);
    }

    private Path real(String name) throws IOException {
        return dir.resolve(name).toRealPath();
    }

    private static List<Scene> checkedScenes(Path csv) throws IOException {
        CsvSceneSource source = new CsvSceneSource(csv, SceneRules.defaults());
        assertThat(source.check().problems()).isEmpty();
        return readAll(source);
    }

    static List<Scene> readAll(SceneSource source) throws IOException {
        List<Scene> scenes = new ArrayList<>();
        try (SceneCursor cursor = source.open()) {
            cursor.forEachRemaining(scenes::add);
        }
        return scenes;
    }
}
