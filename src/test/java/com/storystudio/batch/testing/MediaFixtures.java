package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small but real-looking PNG/WAV files and CSV text for the tests. */
public final class MediaFixtures {

    /** A valid 1x1 PNG. */
    public static final byte[] PNG = {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89,
            0, 0, 0, 13, 'I', 'D', 'A', 'T', 0x78, (byte) 0x9c, 0x63, 0, 1, 0, 0, 5, 0, 1, 0x0d, 0x0a, 0x2d, (byte) 0xb4,
            0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};

    private MediaFixtures() {
    }

    public static Path png(Path file) {
        return bytes(file, PNG);
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
