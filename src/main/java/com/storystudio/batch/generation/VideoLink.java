package com.storystudio.batch.generation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What a worker's {@code video_url} must be to be a video: an http(s) address with a host, something one can download. */
final class VideoLink {

    private static final int SHOWN = 200;

    private VideoLink() {
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    /** The value as a message may show it: a worker's text, so kept short. */
    static String shown(String url) {
        return url.length() <= SHOWN ? url : url.substring(0, SHOWN) + "...";
    }
}
