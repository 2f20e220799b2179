package com.storystudio.batch.scene;

import java.nio.ByteBuffer;
import java.util.OptionalDouble;

/**
 * The playing time of an MP3 from its first frames: the frame count of a Xing/Info header (VBR files), or
 * else the file size at the first frame's bitrate (CBR files).
 */
final class Mp3Duration {

    private static final int[][] BITRATES_KBPS = {
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // MPEG-1 Layer III
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}}; // MPEG-2 and 2.5 Layer III
    private static final int[] SAMPLE_RATES_MPEG1 = {44_100, 48_000, 32_000};

    private Mp3Duration() {
    }

    /** @param head the file's first bytes; empty unless it starts with an ID3 tag or an MPEG frame */
    static OptionalDouble of(ByteBuffer head, long fileSize) {
        int start = 0;
        if (head.remaining() >= 10 && AudioDuration.ascii(head, 0, 3).equals("ID3")) {
            // The ID3v2 size is "syncsafe", 7 bits per byte; a footer adds 10 bytes.
            int tag = (head.get(6) & 0x7F) << 21 | (head.get(7) & 0x7F) << 14 | (head.get(8) & 0x7F) << 7 | (head.get(9) & 0x7F);
            start = 10 + tag + ((head.get(5) & 0x10) != 0 ? 10 : 0);
        }
        else if (Frame.at(head, 0) == null) {
            return OptionalDouble.empty();
        }
        // Encoders may pad between the tag and the first frame; a real frame is followed by another.
        for (int at = start; at + 4 <= head.remaining(); at++) {
            Frame frame = Frame.at(head, at);
            if (frame != null && (at + frame.length() + 4 > head.remaining() || Frame.at(head, at + frame.length()) != null)) {
                return OptionalDouble.of(frame.seconds(head, at, fileSize));
            }
        }
        return OptionalDouble.empty();
    }

    /** A Layer III frame header: that is what MP3 files hold. */
    private record Frame(boolean mpeg1, int kbps, int sampleRate, boolean padded, boolean mono) {

        static Frame at(ByteBuffer head, int at) {
            if (at + 4 > head.remaining()) {
                return null;
            }
            int header = bigEndianInt(head, at);
            int version = (header >>> 19) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5, 1 reserved
            int layer = (header >>> 17) & 3; // 1 = Layer III
            int bitrateIndex = (header >>> 12) & 15;
            int rateIndex = (header >>> 10) & 3;
            if ((header >>> 21) != 0x7FF || version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
                return null;
            }
            boolean mpeg1 = version == 3;
            return new Frame(mpeg1, BITRATES_KBPS[mpeg1 ? 0 : 1][bitrateIndex],
                    SAMPLE_RATES_MPEG1[rateIndex] / (mpeg1 ? 1 : version == 2 ? 2 : 4), ((header >>> 9) & 1) == 1,
                    ((header >>> 6) & 3) == 3);
        }

        int samples() {
            return mpeg1 ? 1152 : 576;
        }

        int length() {
            return samples() / 8 * kbps * 1000 / sampleRate + (padded ? 1 : 0);
        }

        double seconds(ByteBuffer head, int at, long fileSize) {
            int xing = at + 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
            if (xing + 12 <= head.remaining()) {
                String tag = AudioDuration.ascii(head, xing, 4);
                if ((tag.equals("Xing") || tag.equals("Info")) && (bigEndianInt(head, xing + 4) & 1) != 0) {
                    return (double) Integer.toUnsignedLong(bigEndianInt(head, xing + 8)) * samples() / sampleRate;
                }
            }
            return (fileSize - at) * 8.0 / (kbps * 1000.0);
        }

        private static int bigEndianInt(ByteBuffer head, int at) {
            return (head.get(at) & 0xFF) << 24 | (head.get(at + 1) & 0xFF) << 16 | (head.get(at + 2) & 0xFF) << 8 | (head.get(at + 3) & 0xFF);
        }
    }
}
