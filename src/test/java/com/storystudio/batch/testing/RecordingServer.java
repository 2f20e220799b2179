package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 that records every request and answers from a script: for checking
 * what exactly the client puts on the wire, which the emulator deliberately does not echo.
 */
public final class RecordingServer implements AutoCloseable {

    public record Request(String method, String path, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    private RecordingServer(HttpServer server) {
        this.server = server;
    }

    public static RecordingServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingServer recording = new RecordingServer(server);
            server.createContext("/", recording::handle);
            server.start();
            return recording;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers for requests to {@code path}, in order; the last one repeats. */
    public RecordingServer answer(String path, Answer... answers) {
        scripts.put(path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
        Deque<Answer> script = scripts.get(path);
        Answer answer = script == null ? Answer.json(404, "{\"error\":\"no script for " + path + "\"}")
                : script.size() > 1 ? script.poll() : script.peek();
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
