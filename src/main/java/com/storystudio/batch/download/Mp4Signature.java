package com.storystudio.batch.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What every MP4 (ISO base media file) starts with: a box whose type, at offset 4, is {@code ftyp}. An error page,
 * an empty answer or a JSON message saved under {@code .mp4} does not, so the check tells a video from a mistake
 * without parsing the file.
 */
public final class Mp4Signature {

    /** Size (4 bytes, big-endian) and type (4 bytes) of the first box. */
    static final int LENGTH = 8;
    private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);

    private Mp4Signature() {
    }

    /** @param head the file's first bytes (at least {@link #LENGTH} of them for a yes) */
    public static boolean matches(byte[] head, int length) {
        if (length < LENGTH) {
            return false;
        }
        long boxSize = ((head[0] & 0xffL) << 24) | ((head[1] & 0xffL) << 16) | ((head[2] & 0xffL) << 8) | (head[3] & 0xffL);
        // 1 means a 64-bit size follows; otherwise the box holds at least its own header.
        return (boxSize == 1 || boxSize >= LENGTH) && Arrays.equals(head, 4, LENGTH, FTYP, 0, FTYP.length);
    }

    /** Whether the file exists and starts as an MP4 does; false when it cannot be read. */
    public static boolean startsFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(LENGTH);
            return matches(head, head.length);
        }
        catch (IOException e) {
            return false;
        }
    }
}
