package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaSignaturesTest {

    @Test
    void recognizesImageFormats() {
        assertThat(MediaSignatures.isImage(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R')))
                .isTrue();
        assertThat(MediaSignatures.isImage(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 'n', 'o', 't', ' ', 'a', 'n', ' ', 'i')))
                .as("a PNG signature with no image behind it").isFalse();
        assertThat(MediaSignatures.isImage(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isTrue();
        assertThat(MediaSignatures.isImage(ascii("GIF89a..."))).isTrue();
        assertThat(MediaSignatures.isImage(ascii("RIFF\0\0\0\0WEBPVP8 "))).isTrue();
        assertThat(MediaSignatures.isImage(ascii("RIFF\0\0\0\0WAVEfmt "))).isFalse();
        assertThat(MediaSignatures.isImage(ascii("hello world"))).isFalse();
        assertThat(MediaSignatures.isImage(new byte[0])).isFalse();
    }

    @Test
    void recognizesAudioFormats() {
        assertThat(MediaSignatures.isAudio(ascii("RIFF\0\0\0\0WAVEfmt "))).isTrue();
        assertThat(MediaSignatures.isAudio(ascii("ID3\4\0"))).isTrue();
        assertThat(MediaSignatures.isAudio(bytes(0xFF, 0xFB, 0x90, 0x64))).isTrue();
        assertThat(MediaSignatures.isAudio(bytes(0xFF, 0xF1, 0x50, 0x80))).isTrue();
        assertThat(MediaSignatures.isAudio(ascii("OggS\0\2"))).isTrue();
        assertThat(MediaSignatures.isAudio(ascii("fLaC\0\0"))).isTrue();
        assertThat(MediaSignatures.isAudio(ascii("\0\0\0\u0020ftypM4A "))).isTrue();
        assertThat(MediaSignatures.isAudio(bytes(0xFF, 0xD8, 0xFF, 0xE0))).isFalse();
        assertThat(MediaSignatures.isAudio(ascii("RIFF\0\0\0\0WEBPVP8 "))).isFalse();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
