package com.storystudio.batch.simulator;

/**
 * A request as a {@link RequestObserver} sees it, with the status about to be sent.
 *
 * @param method HTTP method
 * @param path   the request path, without query
 * @param route  what the simulator took the request for: RUN, STATUS, CANCEL, RETRY, HEALTH, PURGE_QUEUE,
 *               GRAPHQL, MANAGEMENT, VIDEO or UNKNOWN
 * @param body   the request body as UTF-8; empty when the route has none or the request was refused before its
 *               body was read (an injected fault, a wrong key, a wrong endpoint or method)
 * @param status the HTTP status about to be sent; {@link #DROPPED} when the connection is about to be closed
 *               unanswered (an injected fault)
 */
public record ObservedRequest(String method, String path, String route, String body, int status) {

    public static final int DROPPED = 0;

    public boolean dropped() {
        return status == DROPPED;
    }

    /** Answered with a 2xx status. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
