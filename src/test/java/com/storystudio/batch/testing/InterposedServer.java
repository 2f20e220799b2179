package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A server on 127.0.0.1 that stands between the command and a RunPod (usually the emulator), as a
 * gateway, proxy or another implementation of the API would: each request goes to a {@link Behaviour}
 * that may pass it on unchanged ({@link #FORWARD}), rewrite what came back, or answer itself. Passing
 * on keeps method, path, query, headers (Authorization included) and body, and speaks HTTP/1.1, so
 * the far side sees what the command sent. Records every exchange as answered.
 *
 * <p>The JDK's server hands a handler every header as sent, {@code Upgrade} included, so a behaviour
 * can refuse an h2c upgrade as a real server would.
 */
public final class InterposedServer implements AutoCloseable {

    /** Passes every request on and returns the answer unchanged. */
    public static final Behaviour FORWARD = (request, upstream) -> upstream.forward();

    /** Headers of one hop, or that the JDK client sets itself and refuses to be given. */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "http2-settings", "keep-alive", "transfer-encoding", "te", "date");

    public record Request(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String path() {
            int query = pathAndQuery.indexOf('?');
            return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        }
    }

    public record Answer(int status, Map<String, List<String>> headers, String body) {
        public static Answer json(int status, String body) {
            return new Answer(status, Map.of("Content-Type", List.of("application/json")), body);
        }

        public static Answer text(int status, String body) {
            return new Answer(status, Map.of("Content-Type", List.of("text/plain; charset=utf-8")), body);
        }
    }

    /** A request and what this server answered; {@code forwarded} when the far side saw the request. */
    public record Exchange(Request request, Answer answer, boolean forwarded) {
    }

    /** What this server does with one request. Called on the server's threads, several at once. */
    @FunctionalInterface
    public interface Behaviour {
        Answer answer(Request request, Upstream upstream) throws IOException, InterruptedException;
    }

    /** The far side, for one request: {@link #forward()} sends it there and returns its answer. */
    @FunctionalInterface
    public interface Upstream {
        Answer forward() throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI upstream;
    private final Behaviour behaviour;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    private InterposedServer(HttpServer server, ExecutorService threads, URI upstream, Behaviour behaviour) {
        this.server = server;
        this.threads = threads;
        this.upstream = upstream;
        this.behaviour = behaviour;
    }

    /** A server in front of {@code upstream} (its base URL) that treats each request as {@code behaviour} says. */
    public static InterposedServer between(URI upstream, Behaviour behaviour) {
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "interposed-server");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            InterposedServer interposed = new InterposedServer(server, threads, upstream, behaviour);
            server.createContext("/", interposed::handle);
            // Several calls at once (polls, /run, GraphQL): the default executor would serve them one by one.
            server.setExecutor(threads);
            server.start();
            return interposed;
        }
        catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    copy(exchange.getRequestHeaders()), body);
            boolean[] forwarded = {false};
            Answer answer;
            try {
                answer = behaviour.answer(request, () -> {
                    forwarded[0] = true;
                    return forward(request);
                });
            }
            catch (IOException | RuntimeException e) {
                answer = Answer.text(502, "interposed server: " + e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = Answer.text(503, "interposed server: interrupted");
            }
            exchanges.add(new Exchange(request, answer, forwarded[0]));
            reply(exchange, answer);
        }
    }

    private Answer forward(Request request) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(stripSlash(upstream.toString()) + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(30)).method(request.method(), body);
        request.headers().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> out.header(name, value));
            }
        });
        HttpResponse<String> response = client.send(out.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, List.copyOf(values));
            }
        });
        return new Answer(response.statusCode(), headers, response.body());
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Map.copyOf(copy);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
