package com.storystudio.batch.simulator;

/**
 * A request that passed the gate (faults, auth, endpoint id) and is ready for its handler.
 *
 * @param range its {@code Range} header, null if none: only media files answer it
 */
record ApiRequest(String method, RouteMatch match, byte[] body, String range) {

    ApiRequest(String method, RouteMatch match, byte[] body) {
        this(method, match, body, null);
    }
}
