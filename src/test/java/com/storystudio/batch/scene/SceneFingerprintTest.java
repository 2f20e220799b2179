package com.storystudio.batch.scene;

import com.storystudio.batch.testing.MediaFixtures;

import static com.storystudio.batch.testing.MediaFixtures.png;
import static com.storystudio.batch.testing.MediaFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneFingerprintTest {

    @TempDir
    Path dir;

    @Test
    void sameContentGivesTheSameFingerprintWhereverTheFilesLiveAndWhateverTheSceneIsCalled() throws IOException {
        Scene first = scene(1, "intro", png(dir.resolve("one/face.png")), wav(dir.resolve("one/voice.wav"), 500, 1));
        Scene copy = scene(9, "again", png(dir.resolve("two/other-name.png")),
                wav(dir.resolve("two/deeper/copy.wav"), 500, 1));

        assertThat(SceneFingerprint.of(copy)).isEqualTo(SceneFingerprint.of(first));
        assertThat(SceneFingerprint.of(first)).isEqualTo(SceneFingerprint.of(first)).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void anyInputThatChangesTheVideoChangesTheFingerprint() throws IOException {
        Path image = png(dir.resolve("face.png"));
        Path audio = wav(dir.resolve("voice.wav"), 500, 1);
        Scene base = scene(1, "s", image, audio);
        String fingerprint = SceneFingerprint.of(base);

        Scene otherPrompt = new Scene(1, 2, "s", base.image(), base.audio(), "Shouting", Resolution.P480, 20);
        Scene otherSteps = new Scene(1, 2, "s", base.image(), base.audio(), base.prompt(), Resolution.P480, 21);
        Scene otherResolution = new Scene(1, 2, "s", base.image(), base.audio(), base.prompt(), Resolution.P720, 20);
        Scene otherAudio = scene(1, "s", image, wav(dir.resolve("voice2.wav"), 500, 2));
        Scene swapped = new Scene(1, 2, "s", base.audio(), base.image(), base.prompt(), Resolution.P480, 20);

        assertThat(SceneFingerprint.of(otherPrompt)).isNotEqualTo(fingerprint);
        assertThat(SceneFingerprint.of(otherSteps)).isNotEqualTo(fingerprint);
        assertThat(SceneFingerprint.of(otherResolution)).isNotEqualTo(fingerprint);
        assertThat(SceneFingerprint.of(otherAudio)).isNotEqualTo(fingerprint);
        assertThat(SceneFingerprint.of(swapped)).isNotEqualTo(fingerprint);

        wav(audio, 500, 3); // the same path, new content
        assertThat(SceneFingerprint.of(base)).isNotEqualTo(fingerprint);
    }

    @Test
    void remoteMediaCountsByUrl() throws IOException {
        Scene a = remote("https://example.com/a.png");
        Scene sameUrl = remote("https://example.com/a.png");
        Scene otherUrl = remote("https://example.com/b.png");

        assertThat(SceneFingerprint.of(a)).isEqualTo(SceneFingerprint.of(sameUrl))
                .isNotEqualTo(SceneFingerprint.of(otherUrl));
    }

    private static Scene scene(int position, String id, Path image, Path audio) {
        return new Scene(position, position + 1L, id, new MediaRef.Local(image), new MediaRef.Local(audio),
                "Person speaking naturally", Resolution.P480, 20);
    }

    private static Scene remote(String imageUrl) {
        return new Scene(1, 2, "r", new MediaRef.Remote(URI.create(imageUrl)),
                new MediaRef.Remote(URI.create("https://example.com/a.mp3")), "", Resolution.P480, 20);
    }
}
