package com.storystudio.batch.scene;

import java.io.IOException;
import java.util.Iterator;

/**
 * Scenes read one at a time from a {@link SceneSource}. {@link #next()} throws {@link SceneValidationException}
 * for an invalid row; after that the cursor is exhausted.
 */
public interface SceneCursor extends Iterator<Scene>, AutoCloseable {

    @Override
    void close() throws IOException;
}
