package com.storystudio.batch.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * What to send back for a request, or, when {@code dropConnection}, to close the connection unanswered
 * (an injected network fault).
 *
 * @param sentBytes how much of the body is written before the connection is closed: all of it, unless a fault
 *                  cuts the body short (its full length is still announced)
 */
record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers, boolean dropConnection,
                 int sentBytes) {

    HttpReply {
        headers = Map.copyOf(headers);
        if (sentBytes < 0 || sentBytes > body.length) {
            throw new IllegalArgumentException("sentBytes must be within 0.." + body.length + ", was " + sentBytes);
        }
    }

    static HttpReply of(int status, String contentType, byte[] body) {
        return new HttpReply(status, contentType, body, Map.of(), false, body.length);
    }

    static HttpReply dropped() {
        return new HttpReply(0, null, new byte[0], Map.of(), true, 0);
    }

    HttpReply withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, body, more, dropConnection, sentBytes);
    }

    /** The same answer, its full length announced, but the connection closed after {@code bytes} of its body. */
    HttpReply cutAfter(int bytes) {
        return new HttpReply(status, contentType, body, headers, dropConnection, bytes);
    }
}
