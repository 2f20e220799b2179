package com.storystudio.batch.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.MediaRef;
import com.storystudio.batch.scene.Resolution;
import com.storystudio.batch.scene.Scene;
import com.storystudio.batch.testing.MediaFixtures;

class SubmissionQueueTests {

    @TempDir
    Path work;

    private int position;

    @Test
    void longestFirstPutsTheMostAudioStepsAndPixelsFirstAndKeepsInputOrderBetweenEquals() {
        List<Scene> scenes = List.of(scene("a", 1, Resolution.P480, 20), scene("b", 2, Resolution.P480, 20),
                scene("c", 1, Resolution.P720, 20), scene("d", 1, Resolution.P480, 50), scene("e", 2, Resolution.P480, 20));

        // work: a 20, b 40, c 45, d 50, e 40
        assertThat(ids(new SubmissionQueue(scenes.iterator(), Set.of(), SubmissionOrder.LONGEST_FIRST, AudioLengths.local(), 100)))
                .containsExactly("d", "c", "b", "e", "a");
    }

    @Test
    void audioOfUnknownLengthCountsAsTheAverageOfTheScenesMeasuredBeforeIt() {
        List<Scene> scenes = List.of(scene("one", 1, Resolution.P480, 20), scene("four", 4, Resolution.P480, 20),
                remote("url"), scene("three", 3, Resolution.P480, 20));

        // "url" counts as 2.5 s, between "three" and "one"
        assertThat(ids(new SubmissionQueue(scenes.iterator(), Set.of(), SubmissionOrder.LONGEST_FIRST, AudioLengths.local(), 100)))
                .containsExactly("four", "three", "url", "one");
    }

    @Test
    void inputOrderIsTheStoryboardsOrder() {
        List<Scene> scenes = List.of(scene("a", 1, Resolution.P480, 20), scene("b", 4, Resolution.P720, 50), scene("c", 2, Resolution.P480, 20));

        assertThat(ids(new SubmissionQueue(scenes.iterator(), Set.of(), SubmissionOrder.INPUT, AudioLengths.local(), 100))).containsExactly("a", "b", "c");
    }

    @Test
    void scenesWithAJobOnRunPodComeFirstInEitherOrder() {
        List<Scene> scenes = List.of(scene("a", 1, Resolution.P480, 20), scene("b", 4, Resolution.P480, 20), scene("c", 2, Resolution.P480, 20),
                scene("d", 3, Resolution.P480, 20));

        assertThat(ids(new SubmissionQueue(scenes.iterator(), Set.of("c", "a"), SubmissionOrder.LONGEST_FIRST, AudioLengths.local(), 100)))
                .containsExactly("c", "a", "b", "d");
        assertThat(ids(new SubmissionQueue(scenes.iterator(), Set.of("d"), SubmissionOrder.INPUT, AudioLengths.local(), 100)))
                .containsExactly("d", "a", "b", "c");
    }

    @Test
    void itReadsNoFurtherAheadThanItsLookaheadAndStillEndsOnTheShortestScenes() {
        List<Scene> scenes = new ArrayList<>();
        for (int seconds = 1; seconds <= 6; seconds++) {
            scenes.add(scene("s" + seconds, seconds, Resolution.P480, 20));
        }
        Counting source = new Counting(scenes.iterator());
        SubmissionQueue queue = new SubmissionQueue(source, Set.of(), SubmissionOrder.LONGEST_FIRST, AudioLengths.local(), 3);
        List<String> taken = new ArrayList<>();
        while (queue.hasNext()) {
            taken.add(queue.next().sceneId());
            assertThat(source.read).isLessThanOrEqualTo(taken.size() + 3);
        }

        assertThat(taken).containsExactly("s3", "s4", "s5", "s6", "s2", "s1");
    }

    private static List<String> ids(Iterator<Scene> scenes) {
        List<String> ids = new ArrayList<>();
        scenes.forEachRemaining(scene -> ids.add(scene.sceneId()));
        return ids;
    }

    /** A scene whose WAV lasts {@code seconds} (16 kHz, 16-bit mono: 32 000 bytes a second). */
    private Scene scene(String id, int seconds, Resolution resolution, int steps) {
        Path image = MediaFixtures.png(work.resolve(id + ".png"));
        Path audio = MediaFixtures.wav(work.resolve(id + ".wav"), seconds * 32_000, id.hashCode());
        position++;
        return new Scene(position, position + 1, id, new MediaRef.Local(image), new MediaRef.Local(audio), "", resolution, steps);
    }

    private Scene remote(String id) {
        position++;
        return new Scene(position, position + 1, id, new MediaRef.Remote(URI.create("https://media.example/" + id + ".png")),
                new MediaRef.Remote(URI.create("https://media.example/" + id + ".mp3")), "", Resolution.P480, 20);
    }

    private static final class Counting implements Iterator<Scene> {

        private final Iterator<Scene> scenes;
        int read;

        Counting(Iterator<Scene> scenes) {
            this.scenes = scenes;
        }

        @Override
        public boolean hasNext() {
            return scenes.hasNext();
        }

        @Override
        public Scene next() {
            read++;
            return scenes.next();
        }
    }
}
