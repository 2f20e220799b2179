package com.storystudio.batch.scene;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * Reads the head of a remote audio file with one HTTP range request ({@code Range: bytes=0-N}): the first
 * {@link AudioDuration#HEAD_BYTES} bytes, and the whole file's size from {@code Content-Range}. A server that
 * ignores the range and answers 200 gives its first bytes and {@code Content-Length}; the rest of its body is
 * never read. The whole exchange, answer and bytes, is bounded by {@code timeout}.
 */
final class RemoteAudioHeads {

    /** {@code bytes 0-65535/1234567}; the size may be {@code *} (unknown), which is of no use here. */
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    private final HttpClient client;
    private final Duration timeout;

    RemoteAudioHeads(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** @throws IOException with a reason fit for the log (never the URL's query) when the head cannot be had */
    AudioHead read(URI url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).GET()
                // Plain http:// servers may refuse the HTTP/2 upgrade the client otherwise asks for.
                .version(url.getScheme().toLowerCase(Locale.ROOT).equals("http") ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .header("Range", "bytes=0-" + (AudioDuration.HEAD_BYTES - 1))
                .timeout(timeout)
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                answer -> new FirstBytes(isPartOrWhole(answer.statusCode()) ? AudioDuration.HEAD_BYTES : 0));
        try {
            return head(exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }
        catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("no answer within " + timeout.toMillis() + " ms");
        }
        catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        }
        catch (ExecutionException e) {
            // The exception's own message may quote the URL: only its kind is told, in words.
            throw new IOException(failure(e.getCause()));
        }
    }

    private static String failure(Throwable cause) {
        if (cause instanceof ConnectException) {
            return "could not connect";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof SSLException) {
            return "TLS handshake failed";
        }
        return "the connection failed";
    }

    private static boolean isPartOrWhole(int status) {
        return status == 206 || status == 200;
    }

    private static AudioHead head(HttpResponse<byte[]> response) throws IOException {
        return switch (response.statusCode()) {
            case 206 -> new AudioHead(response.body(), totalFromRange(response));
            case 200 -> new AudioHead(response.body(), response.headers().firstValueAsLong("Content-Length")
                    .orElseThrow(() -> new IOException("whole file sent without Content-Length")));
            default -> throw new IOException("HTTP " + response.statusCode());
        };
    }

    private static long totalFromRange(HttpResponse<byte[]> response) throws IOException {
        String range = response.headers().firstValue("Content-Range").orElseThrow(() -> new IOException("206 without Content-Range"));
        Matcher matcher = CONTENT_RANGE.matcher(range.trim());
        if (!matcher.matches() || !matcher.group(1).equals("0") || matcher.group(3).equals("*")) {
            throw new IOException("Content-Range without the file's start and size: " + range);
        }
        try {
            return Long.parseLong(matcher.group(3));
        }
        catch (NumberFormatException e) {
            throw new IOException("Content-Range with a size beyond reason: " + range);
        }
    }
}
