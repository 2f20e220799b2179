package com.storystudio.batch.progress;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.Scene;
import com.storystudio.batch.scene.SceneCursor;
import com.storystudio.batch.scene.SceneSource;

/**
 * The GPU work of each scene still to finish, weighed as the submission order weighs it
 * ({@link Scene#work}): what the ETA divides by the rate measured so far. Audio of unknown length
 * counts as the average of the known ones.
 *
 * @param work by scene id, for the scenes without a final result when the run started
 */
public record SceneWorkload(Map<String, Double> work) {

    public SceneWorkload {
        work = Map.copyOf(work);
    }

    /** Reads the input once (headers of local audio, no decoding), leaving out the scenes already finished. */
    public static SceneWorkload of(SceneSource source, AudioLengths lengths, Set<String> finished) throws IOException {
        Map<String, Double> known = new HashMap<>();
        Map<String, Scene> unknown = new HashMap<>();
        double knownSeconds = 0;
        try (SceneCursor cursor = source.open()) {
            for (Iterator<Scene> scenes = cursor; scenes.hasNext(); ) {
                Scene scene = scenes.next();
                if (finished.contains(scene.sceneId())) {
                    continue;
                }
                OptionalDouble seconds = lengths.seconds(scene.audio());
                if (seconds.isPresent()) {
                    known.put(scene.sceneId(), scene.work(seconds.getAsDouble()));
                    knownSeconds += seconds.getAsDouble();
                }
                else {
                    unknown.put(scene.sceneId(), scene);
                }
            }
        }
        double average = known.isEmpty() ? 1 : knownSeconds / known.size();
        unknown.forEach((id, scene) -> known.put(id, scene.work(average)));
        return new SceneWorkload(known);
    }

    public double of(String sceneId) {
        return work.getOrDefault(sceneId, 0.0);
    }

    public static SceneWorkload none() {
        return new SceneWorkload(Map.of());
    }

    List<Double> values() {
        return List.copyOf(work.values());
    }
}
