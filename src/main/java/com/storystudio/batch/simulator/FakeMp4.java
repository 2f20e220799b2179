package com.storystudio.batch.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A few hundred bytes that any MP4 sniffer accepts (an {@code ftyp} box first), naming the job, so that a
 * downloader can be tested end to end without a real video.
 */
final class FakeMp4 {

    private static final int MDAT_PAYLOAD_BYTES = 256;

    private FakeMp4() {
    }

    static byte[] forJob(String jobId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        box(out, "ftyp", ascii("isom\0\0\2\0isomiso2avc1mp41"));
        box(out, "free", ascii("StoryStudio RunPod simulator video for job " + jobId));
        box(out, "mdat", new byte[MDAT_PAYLOAD_BYTES]);
        return out.toByteArray();
    }

    private static void box(ByteArrayOutputStream out, String type, byte[] payload) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(8 + payload.length).array());
        out.writeBytes(ascii(type));
        out.writeBytes(payload);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
