package com.storystudio.batch.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.scene.AudioLengthProbe;
import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.AudioProbeProperties;
import com.storystudio.batch.scene.CsvSceneSource;
import com.storystudio.batch.scene.SceneCursor;
import com.storystudio.batch.scene.SceneRules;
import com.storystudio.batch.scene.SceneSource;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatorSettings;
import com.storystudio.batch.testing.MediaFixtures;
import com.storystudio.batch.testing.Storyboard;

/**
 * Audio given as URLs weighs the submission order as the same audio given as local files does: the probe reads
 * the URLs' lengths over HTTP (from the emulator's media) before the queue orders the scenes.
 */
class RemoteAudioOrderTests {

    private static final int SCENES = 24;

    @TempDir
    Path work;

    private RunPodSimulator emulator;

    @BeforeEach
    void start() {
        emulator = RunPodSimulator.start(SimulatorSettings.defaults());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void longestFirstWithAudioUrlsIsTheOrderOfTheSameAudioAsLocalFiles() throws IOException {
        Storyboard local = Storyboard.in(work.resolve("local"));
        Storyboard remote = Storyboard.in(work.resolve("remote"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 1; i <= SCENES; i++) {
            String id = "s%02d".formatted(i);
            Duration length = Duration.ofMillis(random.nextLong(1_000, 60_000));
            local.localScene(id, length);
            MediaFixtures.png(work.resolve("remote/media/" + id + ".png"));
            URI audio = emulator.serveMedia(id + ".wav", MediaFixtures.speechWav(length, id.hashCode()));
            remote.row("%s,media/%s.png,%s,Scene %s speaking,480p,20".formatted(id, id, audio, id));
        }
        SceneSource localSource = new CsvSceneSource(local.write("scenes.csv"), SceneRules.defaults());
        SceneSource remoteSource = new CsvSceneSource(remote.write("scenes.csv"), SceneRules.defaults());
        AudioLengthProbe probe = new AudioLengthProbe(new AudioProbeProperties(Duration.ofSeconds(5), 4, Duration.ofSeconds(30)));

        List<String> withFiles = order(localSource, probe.of(localSource));
        List<String> withUrls = order(remoteSource, probe.of(remoteSource));
        List<String> blind = order(remoteSource, AudioLengths.local());

        assertThat(withUrls).isEqualTo(withFiles);
        // Without reading the URLs every scene would weigh the same and keep its input order.
        assertThat(blind).isSorted().isNotEqualTo(withFiles);
    }

    private static List<String> order(SceneSource source, AudioLengths lengths) throws IOException {
        List<String> ids = new ArrayList<>();
        try (SceneCursor cursor = source.open()) {
            SubmissionQueue queue = new SubmissionQueue(cursor, Set.of(), SubmissionOrder.LONGEST_FIRST, lengths,
                    SubmissionQueue.DEFAULT_LOOKAHEAD);
            queue.forEachRemaining(scene -> ids.add(scene.sceneId()));
        }
        return ids;
    }
}
