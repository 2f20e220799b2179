package com.storystudio.batch.scene;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.OptionalDouble;

/**
 * How long a local audio file plays, read from its headers without decoding it: exact for WAV, from the
 * frame count (Xing/Info header) or the bitrate for MP3. Empty for other formats, remote audio and files
 * that cannot be read; the caller then has to guess, and the submission reports any real problem later.
 */
public final class AudioDuration {

    private static final int MP3_HEAD_BYTES = 64 * 1024;

    private AudioDuration() {
    }

    public static OptionalDouble of(MediaRef audio) {
        if (!(audio instanceof MediaRef.Local local)) {
            return OptionalDouble.empty();
        }
        try (FileChannel file = FileChannel.open(local.path(), StandardOpenOption.READ)) {
            ByteBuffer head = read(file, 0, 12);
            if (head.remaining() == 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WAVE")) {
                return wav(file);
            }
            return Mp3Duration.of(read(file, 0, MP3_HEAD_BYTES), file.size());
        }
        catch (IOException | RuntimeException e) {
            return OptionalDouble.empty();
        }
    }

    /** Walks the RIFF chunks for {@code fmt } (bytes per second) and {@code data} (their count). */
    private static OptionalDouble wav(FileChannel file) throws IOException {
        long size = file.size();
        long byteRate = 0;
        long position = 12;
        while (position + 8 <= size) {
            ByteBuffer chunk = read(file, position, 8);
            String id = ascii(chunk, 0, 4);
            long length = Integer.toUnsignedLong(chunk.getInt(4));
            if (id.equals("fmt ")) {
                ByteBuffer format = read(file, position + 8, 16);
                byteRate = format.remaining() >= 12 ? Integer.toUnsignedLong(format.getInt(8)) : 0;
            }
            else if (id.equals("data")) {
                // A stream-written or truncated file claims more data than it has: count what is there.
                long present = Math.min(length, size - position - 8);
                return byteRate > 0 ? OptionalDouble.of((double) present / byteRate) : OptionalDouble.empty();
            }
            position += 8 + length + (length & 1);
        }
        return OptionalDouble.empty();
    }

    private static ByteBuffer read(FileChannel file, long position, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
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
