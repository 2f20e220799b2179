package com.storystudio.batch.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Prometheus Pushgateway as the application sees one: an HTTP server on 127.0.0.1 that takes what is PUT or POSTed
 * under {@code /metrics/job/...}, answers 200, and keeps every push for the test to read.
 */
final class StandInPushgateway implements AutoCloseable {

    record Push(String method, String path, String contentType, String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();

    private StandInPushgateway(HttpServer server) {
        this.server = server;
    }

    static StandInPushgateway start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StandInPushgateway gateway = new StandInPushgateway(server);
            server.createContext("/", gateway::handle);
            server.start();
            return gateway;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port}, as {@code management.prometheus.metrics.export.pushgateway.address} takes it. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    List<Push> pushes() {
        return List.copyOf(pushes);
    }

    Push last() {
        List<Push> all = pushes();
        if (all.isEmpty()) {
            throw new AssertionError("nothing was pushed");
        }
        return all.get(all.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        pushes.add(new Push(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"), body));
        int status = exchange.getRequestURI().getPath().startsWith("/metrics/job/") ? 200 : 404;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
