package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes small but real-looking PNG/WAV files and CSV text for the tests. The CSV check tells media by their
 * first bytes, so a stand-in for an image or audio file must start like one.
 */
public final class MediaFixtures {

    /** A valid 1x1 PNG. */
    public static final byte[] PNG = {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89,
            0, 0, 0, 13, 'I', 'D', 'A', 'T', 0x78, (byte) 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, (byte) 0xb4,
            0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};

    /** {@link #speechWav}'s rate: at one byte per sample, 8 KB per second of audio, so long tracks stay small. */
    public static final int SPEECH_SAMPLES_PER_SECOND = 8_000;

    private static final int MP3_FRAME_BYTES = 417;

    private MediaFixtures() {
    }

    public static Path png(Path file) {
        return bytes(file, PNG);
    }

    /**
     * A file that starts like a PNG (its 8-byte signature) but holds no image: it passes the CSV check, which
     * reads only the first bytes, and the worker cannot decode it.
     */
    public static Path corruptPng(Path file) {
        byte[] rest = "not an image at all".getBytes(StandardCharsets.US_ASCII);
        byte[] content = Arrays.copyOf(PNG, 8 + rest.length);
        System.arraycopy(rest, 0, content, 8, rest.length);
        return bytes(file, content);
    }

    /** A mono 16-bit 16 kHz WAV whose sample bytes are {@code seed}-dependent, {@code dataBytes} long. */
    public static Path wav(Path file, int dataBytes, int seed) {
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (int i = 0; i < dataBytes; i++) {
            wav.put((byte) (i * 31 + seed));
        }
        return bytes(file, wav.array());
    }

    public static Path wav(Path file) {
        return wav(file, 64, 0);
    }

    /**
     * A mono 8-bit 8 kHz WAV that plays for {@code length} (to the nearest sample), its samples quiet noise
     * drawn from {@code seed}, so that two seeds give two different files of the same length.
     */
    public static byte[] speechWav(Duration length, long seed) {
        int dataBytes = Math.toIntExact(Math.round(length.toNanos() * (SPEECH_SAMPLES_PER_SECOND / 1e9)));
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SPEECH_SAMPLES_PER_SECOND).putInt(SPEECH_SAMPLES_PER_SECOND).putShort((short) 1)
                .putShort((short) 8)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        SplittableRandom noise = new SplittableRandom(seed);
        for (int i = 0; i < dataBytes; i++) {
            // 8-bit PCM is unsigned: 128 is silence.
            wav.put((byte) (128 + noise.nextInt(-16, 17)));
        }
        return wav.array();
    }

    public static Path speechWav(Path file, Duration length, long seed) {
        return bytes(file, speechWav(length, seed));
    }

    /**
     * A constant-bitrate MP3 of {@code frames} MPEG-1 Layer III frames (128 kbps, 44.1 kHz, stereo, 417 bytes,
     * 1152 samples each), after an ID3v2 tag of {@code tagBytes}: its length is known only from the file's size.
     */
    public static byte[] cbrMp3(int frames, int tagBytes) {
        ByteBuffer mp3 = ByteBuffer.allocate((tagBytes > 0 ? 10 + tagBytes : 0) + frames * MP3_FRAME_BYTES);
        if (tagBytes > 0) {
            // The ID3v2 size is "syncsafe": 7 bits per byte.
            mp3.put(new byte[] {'I', 'D', '3', 3, 0, 0, (byte) (tagBytes >>> 21 & 0x7F), (byte) (tagBytes >>> 14 & 0x7F),
                    (byte) (tagBytes >>> 7 & 0x7F), (byte) (tagBytes & 0x7F)});
            mp3.put(new byte[tagBytes]);
        }
        for (int i = 0; i < frames; i++) {
            mp3.put(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x00}).put(new byte[MP3_FRAME_BYTES - 4]);
        }
        return mp3.array();
    }

    /** The playing time of {@link #cbrMp3}'s frames (from the size at 128 kbps, a reader finds 0.2 % less: no padding). */
    public static double cbrMp3Seconds(int frames) {
        return frames * 1152 / 44_100.0;
    }

    public static Path text(Path file, String content) {
        return bytes(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path bytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
