package com.storystudio.batch.generation;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

import com.storystudio.batch.scene.Scene;

/** The scenes of an input that have no video yet in the job instance's results, in input order. */
final class ScenesWithoutVideo implements Iterator<Scene> {

    private final Iterator<Scene> scenes;
    private final Set<String> done;
    private Scene next;

    /** @param done the scene ids that have a COMPLETED result */
    ScenesWithoutVideo(Iterator<Scene> scenes, Set<String> done) {
        this.scenes = scenes;
        this.done = done;
    }

    @Override
    public boolean hasNext() {
        while (next == null && scenes.hasNext()) {
            Scene candidate = scenes.next();
            if (!done.contains(candidate.sceneId())) {
                next = candidate;
            }
        }
        return next != null;
    }

    @Override
    public Scene next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Scene scene = next;
        next = null;
        return scene;
    }
}
