package com.storystudio.batch.scene;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.OptionalDouble;

/**
 * How long an audio file plays, read from its first bytes and its total size without decoding it: exact for
 * WAV, from the frame count (Xing/Info header) or the bitrate for MP3. The same reading serves local files and
 * the heads of remote ones ({@link RemoteAudioHeads}). Empty for other formats and files that cannot be read;
 * the caller then has to guess, and the submission reports any real problem later.
 */
public final class AudioDuration {

    /**
     * The first bytes looked at: enough for the RIFF chunks before a WAV's data, and for an MP3's ID3 tag and
     * first frames unless the tag carries a large picture (that MP3 then counts as unknown).
     */
    public static final int HEAD_BYTES = 64 * 1024;

    private static final int RIFF_HEADER_BYTES = 12;
    private static final int CHUNK_HEADER_BYTES = 8;
    /** In the fmt chunk: format tag (2), channels (2), sample rate (4), then the byte rate (4). */
    private static final int BYTE_RATE_OFFSET = 8;

    private AudioDuration() {
    }

    /** A local file's length; empty for remote audio (see {@link AudioLengthProbe}). */
    public static OptionalDouble of(MediaRef audio) {
        if (!(audio instanceof MediaRef.Local local)) {
            return OptionalDouble.empty();
        }
        try (FileChannel file = FileChannel.open(local.path(), StandardOpenOption.READ)) {
            return of(read(file, HEAD_BYTES), file.size());
        }
        catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * @param head      the file's first bytes (up to {@link #HEAD_BYTES}), from its position to its limit
     * @param totalSize the whole file's size in bytes: what a WAV's data and a constant-bitrate MP3's frames fill
     */
    public static OptionalDouble of(ByteBuffer head, long totalSize) {
        ByteBuffer bytes = head.slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (bytes.remaining() >= RIFF_HEADER_BYTES && ascii(bytes, 0, 4).equals("RIFF") && ascii(bytes, 8, 4).equals("WAVE")) {
                return wav(bytes, totalSize);
            }
            return Mp3Duration.of(bytes, totalSize);
        }
        catch (RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** Walks the RIFF chunks in the head for {@code fmt } (bytes per second) and {@code data} (their count). */
    private static OptionalDouble wav(ByteBuffer head, long totalSize) {
        long byteRate = 0;
        long position = RIFF_HEADER_BYTES;
        while (position + CHUNK_HEADER_BYTES <= head.limit()) {
            int at = (int) position;
            String id = ascii(head, at, 4);
            long length = Integer.toUnsignedLong(head.getInt(at + 4));
            if (id.equals("fmt ")) {
                int rateAt = at + CHUNK_HEADER_BYTES + BYTE_RATE_OFFSET;
                byteRate = rateAt + 4 <= head.limit() ? Integer.toUnsignedLong(head.getInt(rateAt)) : 0;
            }
            else if (id.equals("data")) {
                // A stream-written or truncated file claims more data than it has: count what is there.
                long present = Math.max(0, Math.min(length, totalSize - position - CHUNK_HEADER_BYTES));
                return byteRate > 0 ? OptionalDouble.of((double) present / byteRate) : OptionalDouble.empty();
            }
            // RIFF pads every odd-sized chunk with one byte that its size does not count.
            position += CHUNK_HEADER_BYTES + length + (length & 1);
        }
        return OptionalDouble.empty();
    }

    private static ByteBuffer read(FileChannel file, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining() && file.read(buffer, buffer.position()) > 0) {
            // keeps reading until full or at the end of the file
        }
        return buffer.flip();
    }

    static String ascii(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
