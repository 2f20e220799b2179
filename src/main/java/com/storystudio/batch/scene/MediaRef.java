package com.storystudio.batch.scene;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/** Where a scene's image or audio comes from. */
public sealed interface MediaRef {

    /** The value for the RunPod request's {@code image}/{@code audio} field: the URL, or the file content base64-encoded. */
    String requestValue() throws IOException;

    /** Bytes this reference adds to a request body (URL length, or 4*ceil(size/3) for a local file). */
    long requestBytes() throws IOException;

    /** Short text for messages/results: the URL or the path. */
    String describe();

    /** Length of the base64 text (with padding, no line breaks) for {@code rawBytes} bytes of content. */
    static long base64Length(long rawBytes) {
        return 4 * ((rawBytes + 2) / 3);
    }

    /** An http or https URL, sent as is; the worker downloads it. */
    record Remote(URI url) implements MediaRef {

        public Remote {
            Objects.requireNonNull(url, "url");
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL with a host: " + url);
            }
        }

        @Override
        public String requestValue() {
            return url.toString();
        }

        @Override
        public long requestBytes() {
            return url.toString().getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public String describe() {
            return url.toString();
        }
    }

    /** A local file, sent base64-encoded (the API accepts base64 for image and audio). */
    record Local(Path path) implements MediaRef {

        public Local {
            Objects.requireNonNull(path, "path");
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("path must be absolute: " + path);
            }
            path = path.normalize();
        }

        @Override
        public String requestValue() throws IOException {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(path));
        }

        @Override
        public long requestBytes() throws IOException {
            return base64Length(Files.size(path));
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }
}
