package com.storystudio.batch.simulator;

import java.util.HashMap;
import java.util.Map;

/**
 * What to send back for a request, or, when {@code dropConnection}, to close the connection unanswered
 * (an injected network fault).
 */
record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers, boolean dropConnection) {

    HttpReply {
        headers = Map.copyOf(headers);
    }

    static HttpReply of(int status, String contentType, byte[] body) {
        return new HttpReply(status, contentType, body, Map.of(), false);
    }

    static HttpReply dropped() {
        return new HttpReply(0, null, new byte[0], Map.of(), true);
    }

    HttpReply withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, body, more, dropConnection);
    }
}
