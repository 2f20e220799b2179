package com.storystudio.batch.download;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens a video's address for reading: an http(s) URL (a worker's upload) or a {@code file:} URL (a video a worker
 * returned inline, saved by the run). {@link HttpURLConnection} rather than {@code java.net.http}: its read timeout
 * bounds every wait for the next bytes of a body, so a stalled transfer fails the try instead of hanging it.
 */
final class VideoSource {

    private final DownloadProperties settings;

    VideoSource(DownloadProperties settings) {
        this.settings = settings;
    }

    /**
     * An open body and its announced length ({@code -1} when the server gave none). Closed {@linkplain #close(boolean)
     * whole}, its connection goes back to the JDK's keep-alive cache for the next video from the same server;
     * otherwise it is dropped, since what is left of a broken body cannot be trusted.
     */
    record Body(InputStream in, long contentLength, Closeable connection) {

        void close(boolean whole) {
            try (in) {
                if (!whole) {
                    connection.close();
                }
            }
            catch (IOException e) {
                // Nothing to learn from closing: the body was read or given up already.
            }
        }
    }

    Body open(URI uri) throws DownloadFailure {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return openFile(Path.of(uri));
        }
        HttpURLConnection connection = connect(uri, "GET", settings.connectTimeout(), settings.readTimeout());
        try {
            int status = connection.getResponseCode();
            if (status == HttpURLConnection.HTTP_OK) {
                return new Body(connection.getInputStream(), connection.getContentLengthLong(), connection::disconnect);
            }
            discard(connection);
            throw refusal(status, connection.getHeaderField("Retry-After"));
        }
        catch (IOException e) {
            connection.disconnect();
            throw DownloadFailure.transientFailure("no answer: " + e);
        }
    }

    /** A request whose answer matters only by its status; the caller reads or discards the rest. */
    HttpURLConnection connect(URI uri, String method, Duration connectTimeout, Duration readTimeout) throws DownloadFailure {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(millis(connectTimeout));
            connection.setReadTimeout(millis(readTimeout));
            connection.setRequestProperty("Accept", "video/mp4, */*");
            return connection;
        }
        catch (IOException | IllegalArgumentException e) {
            throw DownloadFailure.permanent("not an address that can be fetched: " + e.getMessage());
        }
    }

    static void discard(HttpURLConnection connection) {
        try (InputStream error = connection.getErrorStream()) {
            if (error != null) {
                error.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
        catch (IOException e) {
            // Only emptied so that the connection can be reused; nothing to learn from it.
        }
        connection.disconnect();
    }

    private static DownloadFailure refusal(int status, String retryAfter) {
        String message = "HTTP " + status;
        if (status == 429 || status >= 500) {
            return DownloadFailure.transientFailure(message, seconds(retryAfter));
        }
        return DownloadFailure.permanent(message);
    }

    private static Body openFile(Path file) throws DownloadFailure {
        try {
            return new Body(Files.newInputStream(file), Files.size(file), () -> { });
        }
        catch (IOException e) {
            throw DownloadFailure.permanent("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Duration seconds(String retryAfter) {
        if (retryAfter == null) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
        }
        catch (NumberFormatException e) {
            // An HTTP date: not worth parsing for a wait the backoff bounds anyway.
            return Duration.ZERO;
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }

    static boolean isFetchable(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("file") || ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null);
    }
}
