package com.storystudio.batch.simulator;

import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * Reads how long a WAV file plays: the size of its {@code data} chunk over the byte rate of its {@code fmt }
 * chunk. The RIFF chunks are walked one by one rather than assuming the 44-byte canonical header, because
 * editors put LIST, fact or other chunks before or between them. A file cut short counts the audio bytes it
 * still holds, as a decoder would play them.
 */
final class WavDuration {

    private static final int RIFF_HEADER_BYTES = 12;
    private static final int CHUNK_HEADER_BYTES = 8;
    /** In the fmt chunk: format tag (2), channels (2), sample rate (4), then the byte rate (4). */
    private static final int BYTE_RATE_OFFSET = 8;

    private WavDuration() {
    }

    /** Seconds of audio, or empty if this is not a RIFF/WAVE file with a byte rate and a data chunk. */
    static OptionalDouble seconds(byte[] file) {
        if (!isAscii(file, 0, "RIFF") || !isAscii(file, 8, "WAVE")) {
            return OptionalDouble.empty();
        }
        long byteRate = -1;
        long dataBytes = -1;
        // long offsets: a chunk size near 4 GiB must not wrap an int and send the walk backwards.
        long offset = RIFF_HEADER_BYTES;
        while (offset + CHUNK_HEADER_BYTES <= file.length) {
            int at = (int) offset;
            long size = unsignedInt(file, at + 4);
            int body = at + CHUNK_HEADER_BYTES;
            long present = Math.min(size, file.length - (long) body);
            if (byteRate < 0 && isAscii(file, at, "fmt ") && present >= BYTE_RATE_OFFSET + 4) {
                byteRate = unsignedInt(file, body + BYTE_RATE_OFFSET);
            } else if (dataBytes < 0 && isAscii(file, at, "data")) {
                dataBytes = present;
            }
            // RIFF pads every odd-sized chunk with one byte that its size does not count.
            offset = body + size + (size & 1);
        }
        if (byteRate <= 0 || dataBytes < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) dataBytes / byteRate);
    }

    private static boolean isAscii(byte[] bytes, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** RIFF is little-endian. */
    private static long unsignedInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL)
                | (bytes[offset + 1] & 0xFFL) << 8
                | (bytes[offset + 2] & 0xFFL) << 16
                | (bytes[offset + 3] & 0xFFL) << 24;
    }
}
