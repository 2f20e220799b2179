package com.storystudio.batch.scene;

import java.nio.ByteBuffer;
import java.util.OptionalDouble;

/**
 * The first bytes of an audio file and the size of the whole file: all its length is read from.
 *
 * @param totalSize the whole file's size in bytes, whatever part of it {@code bytes} holds
 */
record AudioHead(byte[] bytes, long totalSize) {

    OptionalDouble seconds() {
        return AudioDuration.of(ByteBuffer.wrap(bytes), totalSize);
    }
}
