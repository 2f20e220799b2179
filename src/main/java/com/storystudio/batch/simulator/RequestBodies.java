package com.storystudio.batch.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies under RunPod's 10 MB request limit. */
final class RequestBodies {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private RequestBodies() {
    }

    /**
     * Reads the whole body, so that the connection stays usable for the answer, but keeps at most
     * {@code limit} bytes in memory.
     */
    static byte[] read(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (total + n <= limit) {
                kept.write(buffer, 0, n);
            }
            total += n;
        }
        if (total > limit) {
            throw new InvalidRequestException(
                    "request body of " + total + " bytes exceeds the 10 MB limit (" + limit + " bytes)");
        }
        return kept.toByteArray();
    }
}
