package com.storystudio.batch.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Whether a video an earlier run made is still there, before a scene reuses it instead of paying for a new one: a
 * saved file must be whole; an address must still answer. One short request: a {@code HEAD}, or, where the server
 * refuses that method (a pre-signed URL is signed for GET only), a {@code GET} of its first byte.
 */
public class VideoProbe {

    /** What the check found. */
    public enum Answer {
        /** The file is whole, or the address answered with the video. */
        THERE,
        /** The file is missing or broken, or the address answered 404 or 410: the video is lost. */
        GONE,
        /** No clear answer (no connection, a timeout, a 5xx, a refusal): nothing is known either way. */
        UNKNOWN
    }

    private static final int NO_ANSWER = -1;

    private final VideoSource source;
    private final DownloadProperties settings;

    public VideoProbe(DownloadProperties settings) {
        this.settings = settings;
        this.source = new VideoSource(settings);
    }

    public Answer check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException | NullPointerException e) {
            return Answer.GONE;
        }
        if (!VideoSource.isFetchable(uri)) {
            return Answer.GONE;
        }
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return VideoFile.isWhole(Path.of(uri)) ? Answer.THERE : Answer.GONE;
        }
        int status = status(uri, "HEAD");
        if (status != NO_ANSWER && !answered(status) && !gone(status)) {
            // Refused as a method (405, 501), or as a signature made for GET (403): ask as a download would.
            status = status(uri, "GET");
        }
        return answered(status) ? Answer.THERE : gone(status) ? Answer.GONE : Answer.UNKNOWN;
    }

    private static boolean answered(int status) {
        return status >= 200 && status < 300;
    }

    private static boolean gone(int status) {
        return status == 404 || status == 410;
    }

    private int status(URI uri, String method) {
        HttpURLConnection connection;
        try {
            // One short wait in all: the probe runs on the window's thread, before the scene starts.
            Duration timeout = settings.probeTimeout();
            connection = source.connect(uri, method, timeout.compareTo(settings.connectTimeout()) < 0 ? timeout : settings.connectTimeout(),
                    timeout);
        }
        catch (DownloadFailure e) {
            return NO_ANSWER;
        }
        if (method.equals("GET")) {
            connection.setRequestProperty("Range", "bytes=0-0");
        }
        try {
            int status = connection.getResponseCode();
            if (answered(status)) {
                close(connection);
            }
            else {
                VideoSource.discard(connection);
            }
            return status;
        }
        catch (IOException e) {
            connection.disconnect();
            return NO_ANSWER;
        }
    }

    /** Reads the little a probe may have been sent (one byte, or nothing), so that the connection can be reused. */
    private static void close(HttpURLConnection connection) {
        try (InputStream in = connection.getInputStream()) {
            in.readNBytes(16);
        }
        catch (IOException e) {
            connection.disconnect();
        }
    }
}
