package com.storystudio.batch.scene;

import java.io.IOException;
import java.util.List;

/** A source of scenes (the CSV today; an inbox folder later), so the job does not depend on the CSV reader. */
public interface SceneSource {

    /** Human-readable name, e.g. the file path. */
    String describe();

    /**
     * Reads the whole source once: every problem found (none = valid) and the number of scenes.
     * Never throws for bad content; IOException only if the source can't be read at all.
     */
    SceneCheck check() throws IOException;

    /**
     * Scenes in input order, streamed (works for 100 000 rows without holding them all).
     * Throws SceneValidationException at the first invalid row (callers check() first).
     */
    SceneCursor open() throws IOException;

    /**
     * The outline of every scene, in input order, read without looking at any media: cheap enough to
     * call whenever the results are published. Meant for a source {@link #check()} found valid.
     *
     * @throws SceneValidationException when the source cannot be parsed (it changed since the check)
     */
    List<SceneOutline> outlines() throws IOException;
}
