package com.storystudio.batch.scene;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP server on 127.0.0.1 answering every request with one handler, many at once: for the answers the
 * emulator does not give (500, no answer at all) and for watching how many requests overlap.
 */
final class MediaTestServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private MediaTestServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static MediaTestServer start(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "media-test-server");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            server.createContext("/", handler);
            server.start();
            return new MediaTestServer(server, threads);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers the first {@code bytes} of {@code file} as a range, with the file's size in Content-Range. */
    static void sendHead(HttpExchange exchange, byte[] file, int bytes) throws IOException {
        int count = Math.min(bytes, file.length);
        exchange.getResponseHeaders().set("Content-Range", "bytes 0-" + (count - 1) + "/" + file.length);
        exchange.sendResponseHeaders(206, count);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(file, 0, count);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
