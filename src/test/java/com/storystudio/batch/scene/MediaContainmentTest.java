package com.storystudio.batch.scene;

import com.storystudio.batch.testing.MediaFixtures;

import static com.storystudio.batch.testing.MediaFixtures.png;
import static com.storystudio.batch.testing.MediaFixtures.text;
import static com.storystudio.batch.testing.MediaFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV may only send files from its own folder (or below) to the cloud. */
class MediaContainmentTest {

    @TempDir
    Path root;

    private Path project;

    @BeforeEach
    void layout() throws IOException {
        project = Files.createDirectories(root.resolve("project"));
        png(project.resolve("alice.png"));
        wav(project.resolve("voice/alice.wav"));
        png(root.resolve("secret.png"));
        wav(root.resolve("secret.wav"));
    }

    @Test
    void filesInTheFolderAndSubfoldersAreAllowedHoweverTheyAreWritten() throws IOException {
        List<Scene> scenes = scenes("""
                image,audio
                alice.png,voice/alice.wav
                ./alice.png,voice/../voice/alice.wav
                %s,%s
                """.formatted(project.resolve("alice.png"), project.resolve("voice/alice.wav")));

        assertThat(scenes).extracting(scene -> scene.image().describe(), scene -> scene.audio().describe())
                .containsOnly(tuple(project.resolve("alice.png").toRealPath().toString(),
                        project.resolve("voice/alice.wav").toRealPath().toString()));
    }

    @Test
    void dotDotPathsLeavingTheFolderAreRejectedWhetherOrNotTheyExist() throws IOException {
        List<SceneProblem> problems = problems("""
                image,audio
                ../secret.png,voice/../../secret.wav
                ../nowhere.png,voice/alice.wav
                """);

        assertThat(problems).extracting(SceneProblem::line, SceneProblem::column)
                .containsExactly(tuple(2L, 1), tuple(2L, 2), tuple(3L, 1));
        assertThat(problems.get(0).message()).isEqualTo("'../secret.png' (resolves to " + root.resolve("secret.png")
                + ") is outside the input folder " + project
                + "; local media files must be in the CSV file's folder or below it");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message()).contains("outside the input folder"));
    }

    @Test
    void absolutePathsOutsideTheFolderAreRejected() throws IOException {
        List<SceneProblem> problems = problems("image,audio\n" + root.resolve("secret.png") + ",voice/alice.wav\n");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo(1);
            assertThat(problem.message()).isEqualTo("'" + root.resolve("secret.png") + "' is outside the input folder "
                    + project + "; local media files must be in the CSV file's folder or below it");
        });
    }

    @Test
    void symlinksEscapingTheFolderAreRejected() throws IOException {
        Files.createSymbolicLink(project.resolve("innocent.png"), root.resolve("secret.png"));
        Files.createSymbolicLink(project.resolve("outside-dir"), root);

        List<SceneProblem> problems = problems("""
                image,audio
                innocent.png,outside-dir/secret.wav
                """);

        assertThat(problems).extracting(SceneProblem::column, SceneProblem::message).containsExactly(
                tuple(1, project.resolve("innocent.png") + " links to " + root.resolve("secret.png").toRealPath()
                        + ", which is outside the input folder " + project
                        + "; local media files must be in the CSV file's folder or below it"),
                tuple(2, project.resolve("outside-dir/secret.wav") + " links to "
                        + root.resolve("secret.wav").toRealPath() + ", which is outside the input folder " + project
                        + "; local media files must be in the CSV file's folder or below it"));
    }

    @Test
    void symlinksStayingInsideTheFolderAreFollowed() throws IOException {
        Files.createSymbolicLink(project.resolve("latest.png"), project.resolve("alice.png"));

        Scene scene = scenes("image,audio\nlatest.png,voice/alice.wav\n").get(0);

        assertThat(scene.image()).isEqualTo(new MediaRef.Local(project.resolve("alice.png").toRealPath()));
    }

    @Test
    void aCsvReachedThroughASymlinkedFolderUsesThatFolder() throws IOException {
        Path linkedProject = Files.createSymbolicLink(root.resolve("linked"), project);
        text(project.resolve("scenes.csv"), "image,audio\nalice.png,voice/alice.wav\n");

        text(project.resolve("absolute.csv"), "image,audio\n" + project.resolve("alice.png").toRealPath() + ","
                + linkedProject.resolve("voice/alice.wav") + "\n");

        assertThat(new CsvSceneSource(linkedProject.resolve("scenes.csv"), SceneRules.defaults()).check().problems()).isEmpty();
        assertThat(new CsvSceneSource(linkedProject.resolve("absolute.csv"), SceneRules.defaults()).check().problems()).isEmpty();
        assertThat(new CsvSceneSource(project.resolve("absolute.csv"), SceneRules.defaults()).check().problems()).isEmpty();
    }

    private List<SceneProblem> problems(String csv) throws IOException {
        return source(csv).check().problems();
    }

    private List<Scene> scenes(String csv) throws IOException {
        CsvSceneSource source = source(csv);
        assertThat(source.check().problems()).isEmpty();
        return CsvSceneSourceTest.readAll(source);
    }

    private CsvSceneSource source(String csv) {
        return new CsvSceneSource(text(project.resolve("scenes.csv"), csv), SceneRules.defaults());
    }
}
