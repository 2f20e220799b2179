package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** WAV files are built chunk by chunk here, so that each case says exactly which bytes it is about. */
class WavDurationTest {

    /** 16 kHz, 16-bit, mono: 32000 bytes per second. */
    private static final byte[] FMT = fmt(32_000);

    @Test
    void canonicalHeaderGivesTheDataSizeOverTheByteRate() {
        byte[] wav = riff(chunk("fmt ", FMT), chunk("data", new byte[96_000]));
        assertThat(WavDuration.seconds(wav)).hasValue(3.0);
    }

    @Test
    void chunksAreFoundInAnyOrderPastChunksThatAreNotAudio() {
        byte[] wav = riff(chunk("LIST", ascii("INFOISFT\u0006\0\0\0Lavf\0\0")), chunk("data", new byte[16_000]),
                chunk("fact", new byte[4]), chunk("fmt ", FMT));
        assertThat(WavDuration.seconds(wav)).hasValue(0.5);
    }

    @Test
    void anOddSizedChunkIsFollowedByAPadByteItsSizeDoesNotCount() {
        // Read without the pad, the walk would land one byte early, on "\0dat", and never find the data.
        byte[] wav = riff(chunk("fmt ", FMT), chunk("note", ascii("abc")), chunk("data", new byte[64_000]));
        assertThat(wav.length).isEqualTo(12 + 8 + 16 + 8 + 4 + 8 + 64_000);
        assertThat(WavDuration.seconds(wav)).hasValue(2.0);
    }

    @Test
    void aTruncatedFileCountsTheAudioBytesItStillHolds() {
        byte[] whole = riff(chunk("fmt ", FMT), chunk("data", new byte[96_000]));
        assertThat(WavDuration.seconds(Arrays.copyOf(whole, 44 + 8_000))).hasValue(0.25);
        assertThat(WavDuration.seconds(Arrays.copyOf(whole, 44))).hasValue(0.0);
        // Cut inside the data chunk's own header: there is no data chunk to speak of.
        assertThat(WavDuration.seconds(Arrays.copyOf(whole, 40))).isEmpty();
    }

    @Test
    void aStreamedDataChunkOfUnknownSizeCountsTheBytesPresent() {
        byte[] wav = riff(chunk("fmt ", FMT), chunk("data", new byte[32_000]));
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFF_FFFF);
        assertThat(WavDuration.seconds(wav)).hasValue(1.0);
    }

    @Test
    void anythingButAWavWithAByteRateAndDataHasNoKnownLength() {
        assertThat(WavDuration.seconds(new byte[0])).isEmpty();
        assertThat(WavDuration.seconds(ascii("ID3\u0004\0\0\0\0\0\0"))).isEmpty();
        assertThat(WavDuration.seconds(ascii("OggS\0\u0002\0\0\0\0\0\0\0\0"))).isEmpty();
        byte[] webp = riff(chunk("fmt ", FMT), chunk("data", new byte[100]));
        webp[8] = 'X';
        assertThat(WavDuration.seconds(webp)).isEmpty();
        assertThat(WavDuration.seconds(riff(chunk("data", new byte[100])))).isEmpty();
        assertThat(WavDuration.seconds(riff(chunk("fmt ", FMT)))).isEmpty();
        assertThat(WavDuration.seconds(riff(chunk("fmt ", fmt(0)), chunk("data", new byte[100])))).isEmpty();
        assertThat(WavDuration.seconds(riff(chunk("fmt ", new byte[6]), chunk("data", new byte[100])))).isEmpty();
    }

    @Test
    void clipsAreWholeFiveSecondStepsOfAudioAndAtLeastOne() {
        AudioClips clips = new AudioClips();
        assertThat(AudioClips.forSeconds(0)).isEqualTo(1);
        assertThat(AudioClips.forSeconds(5.0)).isEqualTo(1);
        assertThat(AudioClips.forSeconds(5.001)).isEqualTo(2);
        assertThat(AudioClips.forSeconds(60)).isEqualTo(12);
        assertThat(clips.count(riff(chunk("fmt ", FMT), chunk("data", new byte[12 * 32_000])))).isEqualTo(3);
        assertThat(clips.count(ascii("ID3\u0004\0\0\0\0\0\0"))).isEqualTo(1);
        assertThat(clips.count(null)).isEqualTo(1);
    }

    /** PCM fmt chunk body; only the byte rate matters to the duration. */
    private static byte[] fmt(int byteRate) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 1)
                .putInt(16_000).putInt(byteRate).putShort((short) 2).putShort((short) 16).array();
    }

    /** A chunk with its header and, if its size is odd, the pad byte. */
    private static byte[] chunk(String id, byte[] body) {
        ByteBuffer chunk = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        return chunk.put(ascii(id)).putInt(body.length).put(body).array();
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(ascii("WAVE"));
        Arrays.stream(chunks).forEach(content::writeBytes);
        byte[] body = content.toByteArray();
        return ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF")).putInt(body.length).put(body).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
