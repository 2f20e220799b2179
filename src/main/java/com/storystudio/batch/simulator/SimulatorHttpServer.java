package com.storystudio.batch.simulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The JDK HTTP server, bound to 127.0.0.1 only, with a small pool for many concurrent pollers. */
final class SimulatorHttpServer {

    private static final int THREADS = 16;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUrl;

    private SimulatorHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Binds at once, so the base URL (and a random port) is known before the handlers are built. */
    static SimulatorHttpServer bind(int port) {
        disableNagle();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), 0);
            AtomicInteger threads = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
                Thread thread = new Thread(task, "runpod-sim-http-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            return new SimulatorHttpServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("RunPod simulator cannot bind 127.0.0.1:" + port, e);
        }
    }

    /**
     * The JDK server sends headers and body as two TCP segments; with Nagle's algorithm on, the client's
     * delayed ACK holds the body back ~40 ms, on every answer to every poll. The server's only switch is this
     * JVM-wide property, read once when the first JDK HTTP server is created; it is set only if nobody chose.
     */
    private static void disableNagle() {
        System.getProperties().putIfAbsent(NO_DELAY_PROPERTY, "true");
    }

    URI baseUrl() {
        return baseUrl;
    }

    void start(HttpHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
