package com.storystudio.batch.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: counts the request, lets the fault switches and the API key check have their say
 * (in that order, as a failing gateway answers before it authenticates), then the endpoint's request limits,
 * then hands over to the route, and
 * shows the answer to the {@link RequestObserver} before sending it. Never logs headers: they carry the API key.
 */
final class RequestDispatcher implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final String endpointId;
    private final byte[] expectedAuthorization;
    private final FaultInjector faults;
    private final RequestLimiter limiter;
    private final RequestCounters counters;
    private final JsonCodec json;
    private final Map<Route, RouteHandler> handlers;
    private volatile RequestObserver observer = RequestObserver.NONE;

    RequestDispatcher(String endpointId, String apiKey, FaultInjector faults, RequestLimiter limiter,
                      RequestCounters counters, JsonCodec json, Map<Route, RouteHandler> handlers) {
        this.endpointId = endpointId;
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.faults = faults;
        this.limiter = limiter;
        this.counters = counters;
        this.json = json;
        this.handlers = Map.copyOf(handlers);
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        RouteMatch match = RouteMatch.of(path);
        BodyRead body = new BodyRead();
        HttpReply reply;
        try {
            reply = respond(exchange, method, match, body);
        } catch (InvalidRequestException e) {
            reply = json.error(400, e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("RunPod simulator failed to answer {} {}", method, path, e);
            reply = json.error(500, "simulator error: " + e.getMessage());
        }
        tellObserver(new ObservedRequest(method, path, match.route().name(), body.text(),
                reply.dropConnection() ? ObservedRequest.DROPPED : reply.status()));
        send(exchange, reply);
        log.debug("{} {} -> {}", method, path, reply.dropConnection() ? "connection dropped" : reply.status());
    }

    void observe(RequestObserver observer) {
        this.observer = observer == null ? RequestObserver.NONE : observer;
    }

    private void tellObserver(ObservedRequest request) {
        try {
            observer.answering(request);
        } catch (RuntimeException e) {
            log.warn("Request observer failed on {} {}; answering anyway", request.method(), request.path(), e);
        }
    }

    private HttpReply respond(HttpExchange exchange, String method, RouteMatch match, BodyRead read)
            throws IOException {
        Route route = match.route();
        route.counter().ifPresent(counters::increment);
        if (route.isApi()) {
            Optional<HttpReply> refused = gate(exchange);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        if (route == Route.UNKNOWN) {
            return json.error(404, "not found");
        }
        if (!route.accepts(method)) {
            return json.error(405, "method " + method + " not allowed here");
        }
        if (match.endpointId() != null && !match.endpointId().equals(endpointId)) {
            return json.error(404, "endpoint not found");
        }
        OptionalLong retryAfter = limiter.admit(route);
        if (retryAfter.isPresent()) {
            counters.increment(Counter.RATE_LIMITED_REQUESTS);
            return json.error(429, "Too Many Requests").withHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
        }
        byte[] body = route.hasBody()
                ? RequestBodies.read(exchange.getRequestBody(), RequestBodies.MAX_BYTES) : new byte[0];
        read.bytes = body;
        return handlers.get(route).handle(new ApiRequest(method, match, body, exchange.getRequestHeaders().getFirst("Range")));
    }

    /** The body as far as the request got to have it read; empty if it was refused before. */
    private static final class BodyRead {

        private byte[] bytes = new byte[0];

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Optional<HttpReply> gate(HttpExchange exchange) {
        Optional<HttpReply> faulted = switch (faults.requestFault()) {
            case UNAVAILABLE -> Optional.of(json.error(503, "Service Unavailable"));
            case DROP_CONNECTION -> {
                counters.increment(Counter.DROPPED_CONNECTIONS);
                yield Optional.of(HttpReply.dropped());
            }
            case HTTP_500 -> {
                counters.increment(Counter.INJECTED_HTTP_500);
                yield Optional.of(json.error(500, "Internal Server Error"));
            }
            case HTTP_429 -> {
                counters.increment(Counter.INJECTED_HTTP_429);
                yield Optional.of(json.error(429, "Too Many Requests")
                        .withHeader("Retry-After", Integer.toString(faults.retryAfterSeconds())));
            }
            case NONE -> Optional.empty();
        };
        if (faulted.isPresent()) {
            return faulted;
        }
        if (!authorized(exchange)) {
            counters.increment(Counter.UNAUTHORIZED_REQUESTS);
            return Optional.of(json.error(401, "Unauthorized"));
        }
        return Optional.empty();
    }

    private boolean authorized(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        // Constant-time comparison: the simulator should not teach timing-leaky habits.
        return given != null && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
    }

    /** Closing an exchange before sending headers closes the connection: that is how a drop is made. */
    private static void send(HttpExchange exchange, HttpReply reply) {
        try (exchange) {
            if (reply.dropConnection()) {
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] body = reply.body();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            log.debug("Client went away before its answer was sent: {}", e.toString());
        }
    }
}
