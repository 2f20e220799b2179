package com.storystudio.batch.simulator;

import java.nio.charset.StandardCharsets;

/** Recognizes image and audio files by their leading bytes, as a decoder would before giving up. */
final class MediaSignatures {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private MediaSignatures() {
    }

    static boolean isImage(byte[] bytes) {
        // A PNG decoder reads the IHDR chunk next (it must come first): a file with the signature and no image
        // behind it (corrupt, or a stand-in) fails there.
        return (startsWith(bytes, 0, PNG) && startsWith(bytes, 12, ascii("IHDR")))
                || startsWith(bytes, 0, JPEG)
                || startsWith(bytes, 0, ascii("GIF87a"))
                || startsWith(bytes, 0, ascii("GIF89a"))
                || riff(bytes, "WEBP");
    }

    static boolean isAudio(byte[] bytes) {
        return riff(bytes, "WAVE")
                || startsWith(bytes, 0, ascii("ID3"))
                || mpegFrameSync(bytes)
                || startsWith(bytes, 0, ascii("OggS"))
                || startsWith(bytes, 0, ascii("fLaC"))
                || startsWith(bytes, 4, ascii("ftyp"));
    }

    /** RIFF containers (WAV, WebP) carry their type after the 4-byte chunk size. */
    private static boolean riff(byte[] bytes, String type) {
        return startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii(type));
    }

    /** A raw MP3 without ID3 tag starts with an MPEG frame: 11 set sync bits. */
    private static boolean mpegFrameSync(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xE0) == 0xE0;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
