package com.storystudio.batch.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.testing.MediaFixtures;

class AudioDurationTests {

    @TempDir
    Path work;

    @Test
    void aWavLastsItsDataOverItsByteRate() {
        // 16 kHz 16-bit mono: 32 000 bytes a second
        Path wav = MediaFixtures.wav(work.resolve("two-seconds.wav"), 64_000, 1);

        assertThat(AudioDuration.of(local(wav))).hasValueCloseTo(2.0, within(1e-9));
    }

    @Test
    void chunksBeforeTheDataAreSkippedWithTheirPadding() {
        ByteArrayOutputStream wav = riff();
        chunk(wav, "fmt ", format(8_000));
        chunk(wav, "LIST", "odd".getBytes(StandardCharsets.US_ASCII)); // 3 bytes and a pad byte
        chunk(wav, "data", new byte[12_000]);

        assertThat(AudioDuration.of(local(MediaFixtures.bytes(work.resolve("list.wav"), wav.toByteArray()))))
                .hasValueCloseTo(1.5, within(1e-9));
    }

    @Test
    void aTruncatedWavCountsTheDataItHas() {
        ByteArrayOutputStream wav = riff();
        chunk(wav, "fmt ", format(8_000));
        wav.writeBytes(le("data", 800_000));
        wav.writeBytes(new byte[4_000]);

        assertThat(AudioDuration.of(local(MediaFixtures.bytes(work.resolve("cut.wav"), wav.toByteArray()))))
                .hasValueCloseTo(0.5, within(1e-9));
    }

    @Test
    void aConstantBitrateMp3LastsItsSizeAtItsBitrate() {
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            mp3.writeBytes(frame128kbps(null));
        }

        // 100 frames of 1152 samples at 44.1 kHz
        assertThat(AudioDuration.of(local(MediaFixtures.bytes(work.resolve("cbr.mp3"), mp3.toByteArray()))))
                .hasValueCloseTo(100 * 1152 / 44_100.0, within(0.01));
    }

    @Test
    void aVariableBitrateMp3AfterAnId3TagLastsTheFramesItsXingHeaderCounts() {
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream();
        mp3.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 100});
        mp3.writeBytes(new byte[100]);
        mp3.writeBytes(frame128kbps(1_000));
        mp3.writeBytes(frame128kbps(null));

        assertThat(AudioDuration.of(local(MediaFixtures.bytes(work.resolve("vbr.mp3"), mp3.toByteArray()))))
                .hasValueCloseTo(1_000 * 1152 / 44_100.0, within(1e-9));
    }

    @Test
    void theFirstBytesAndTheSizeAloneGiveWhatTheWholeFileGives() {
        byte[] wav = MediaFixtures.speechWav(java.time.Duration.ofSeconds(30), 1);
        byte[] mp3 = MediaFixtures.cbrMp3(1_000, 500);

        for (byte[] file : java.util.List.of(wav, mp3)) {
            ByteBuffer head = ByteBuffer.wrap(file, 0, AudioDuration.HEAD_BYTES);
            assertThat(file.length).isGreaterThan(AudioDuration.HEAD_BYTES);
            assertThat(AudioDuration.of(head, file.length))
                    .isEqualTo(AudioDuration.of(local(MediaFixtures.bytes(work.resolve("whole-" + file.length), file))))
                    .isNotEmpty();
        }
    }

    @Test
    void otherFilesRemoteAudioAndMissingFilesHaveNoKnownLength() {
        assertThat(AudioDuration.of(local(MediaFixtures.png(work.resolve("not-audio.wav"))))).isEmpty();
        assertThat(AudioDuration.of(local(MediaFixtures.text(work.resolve("notes.mp3"), "just text, no frames")))).isEmpty();
        assertThat(AudioDuration.of(local(work.resolve("missing.wav")))).isEmpty();
        assertThat(AudioDuration.of(new MediaRef.Remote(URI.create("https://media.example/voice.wav")))).isEmpty();
    }

    private static MediaRef local(Path file) {
        return new MediaRef.Local(file.toAbsolutePath());
    }

    private static ByteArrayOutputStream riff() {
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        wav.writeBytes(le("RIFF", 0));
        wav.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        return wav;
    }

    /** PCM mono 8-bit at {@code bytesPerSecond}. */
    private static byte[] format(int bytesPerSecond) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 1).putInt(bytesPerSecond)
                .putInt(bytesPerSecond).putShort((short) 1).putShort((short) 8).array();
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] content) {
        out.writeBytes(le(id, content.length));
        out.writeBytes(content);
        if (content.length % 2 == 1) {
            out.write(0);
        }
    }

    private static byte[] le(String id, int size) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).put(id.getBytes(StandardCharsets.US_ASCII)).putInt(size).array();
    }

    /** An MPEG-1 Layer III frame, 128 kbps, 44.1 kHz, stereo: 417 bytes; with a Xing frame count if given. */
    private static byte[] frame128kbps(Integer xingFrames) {
        ByteBuffer frame = ByteBuffer.allocate(417).order(ByteOrder.BIG_ENDIAN);
        frame.put(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x00});
        if (xingFrames != null) {
            frame.position(4 + 32);
            frame.put("Xing".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(xingFrames);
        }
        return frame.array();
    }
}
