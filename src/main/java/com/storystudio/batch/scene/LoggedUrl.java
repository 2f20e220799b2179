package com.storystudio.batch.scene;

import java.net.URI;

/**
 * A URL as it may be logged: scheme, host, port and path only. Signed media URLs carry their token in the
 * query (and some in the user info), so neither is ever written out.
 */
final class LoggedUrl {

    private LoggedUrl() {
    }

    static String of(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }
}
