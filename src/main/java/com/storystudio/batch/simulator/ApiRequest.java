package com.storystudio.batch.simulator;

import java.util.Optional;

/**
 * A request that passed the gate (faults, auth, endpoint id) and is ready for its handler.
 *
 * @param range the {@code Range} header, if the client sent one
 */
record ApiRequest(String method, RouteMatch match, byte[] body, Optional<String> range) {

    ApiRequest(String method, RouteMatch match, byte[] body) {
        this(method, match, body, Optional.empty());
    }
}
