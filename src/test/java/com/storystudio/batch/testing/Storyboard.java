package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Writes a scenes CSV and the local media it refers to into a folder, for tests. */
public final class Storyboard {

    public static final String HEADER = "scene_id,image,audio,prompt,resolution,sample_steps";

    private final Path folder;
    private final List<String> rows = new ArrayList<>();

    private Storyboard(Path folder) {
        this.folder = folder;
    }

    public static Storyboard in(Path folder) {
        return new Storyboard(folder);
    }

    /** A scene with a local PNG and WAV of its own (distinct content per scene id). */
    public Storyboard localScene(String sceneId) {
        MediaFixtures.png(folder.resolve("media/" + sceneId + ".png"));
        MediaFixtures.wav(folder.resolve("media/" + sceneId + ".wav"), 256, sceneId.hashCode());
        return row("%s,media/%s.png,media/%s.wav,Scene %s speaking,480p,20".formatted(sceneId, sceneId, sceneId, sceneId));
    }

    /**
     * Like {@link #localScene(String)}, but its WAV plays for {@code audioLength} (8 kHz 8-bit mono, 8 KB per
     * second), so that generation takes as long as that audio would on Wan2.2 S2V.
     */
    public Storyboard localScene(String sceneId, Duration audioLength) {
        return localScene(sceneId, audioLength, "480p", 20);
    }

    public Storyboard localScene(String sceneId, Duration audioLength, String resolution, int steps) {
        MediaFixtures.png(folder.resolve("media/" + sceneId + ".png"));
        MediaFixtures.speechWav(folder.resolve("media/" + sceneId + ".wav"), audioLength, sceneId.hashCode());
        return row("%s,media/%s.png,media/%s.wav,Scene %s speaking,%s,%d".formatted(sceneId, sceneId, sceneId, sceneId, resolution, steps));
    }

    /** A scene with a local PNG of its own and its audio at {@code audio} (480p, 20 steps, as {@link #localScene}). */
    public Storyboard sceneWithAudioUrl(String sceneId, URI audio) {
        MediaFixtures.png(folder.resolve("media/" + sceneId + ".png"));
        return row("%s,media/%s.png,%s,Scene %s speaking,480p,20".formatted(sceneId, sceneId, audio, sceneId));
    }

    /**
     * A scene whose media are URLs where nothing answers (the emulator accepts any http(s) URL without fetching
     * it): on 127.0.0.1's discard port, so that reading the audio's length is refused at once, on this machine.
     */
    public Storyboard remoteScene(String sceneId) {
        return row("%s,https://127.0.0.1:9/%s.png,https://127.0.0.1:9/%s.mp3,Scene %s speaking,720p,25"
                .formatted(sceneId, sceneId, sceneId, sceneId));
    }

    /** A scene that passes the CSV check but that the worker rejects: its "PNG" has a PNG signature and no image. */
    public Storyboard sceneWithUndecodableImage(String sceneId) {
        MediaFixtures.corruptPng(folder.resolve("media/" + sceneId + ".png"));
        MediaFixtures.wav(folder.resolve("media/" + sceneId + ".wav"), 256, sceneId.hashCode());
        return row("%s,media/%s.png,media/%s.wav,Broken scene %s,480p,20".formatted(sceneId, sceneId, sceneId, sceneId));
    }

    public Storyboard row(String csvLine) {
        rows.add(csvLine);
        return this;
    }

    public Path folder() {
        return folder;
    }

    public Path write(String fileName) {
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(fileName), HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
