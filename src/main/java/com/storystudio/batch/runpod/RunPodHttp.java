package com.storystudio.batch.runpod;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that sends HTTP to RunPod. Adds the Bearer key, maps answers to results or
 * exceptions, and retries transient failures (5xx, 429, I/O errors) with Spring Framework 7's
 * {@link RetryTemplate}: exponential backoff with jitter. Every attempt first takes a permit of its
 * route's {@link RequestRateLimit}; a 429 holds back the whole route there for its {@code Retry-After}.
 * Every answer's text is cleaned of the key ({@link ServerText}) as it arrives.
 */
public final class RunPodHttp {

    private final HttpClient client;
    private final ApiKey apiKey;
    private final RunPodProperties.Http settings;
    private final RequestRateLimit rateLimit;
    private final JsonMapper json;
    private final ServerText serverText;

    public RunPodHttp(ApiKey apiKey, RunPodProperties.Http settings, RequestRateLimit rateLimit, JsonMapper json) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.apiKey = apiKey;
        this.settings = settings;
        this.rateLimit = rateLimit;
        this.json = json;
        this.serverText = new ServerText(apiKey);
    }

    RunPodResponse get(RunPodRoute route, String operation, URI uri) {
        return exchange(route, operation, request(uri).GET().build());
    }

    RunPodResponse post(RunPodRoute route, String operation, URI uri, JsonNode body) {
        return exchange(route, operation, request(uri).POST(bodyOf(body)).build());
    }

    RunPodResponse patch(RunPodRoute route, String operation, URI uri, JsonNode body) {
        return exchange(route, operation, request(uri).method("PATCH", bodyOf(body)).build());
    }

    JsonMapper json() {
        return json;
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey.value());
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // HTTP/2 without TLS begins with an h2c upgrade, which some servers refuse outright
            // (uvicorn: 400 "Unsupported upgrade request"). Over TLS, HTTP/2 is negotiated safely.
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        return builder;
    }

    private HttpRequest.BodyPublisher bodyOf(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8);
    }

    private RunPodResponse exchange(RunPodRoute route, String operation, HttpRequest request) {
        CallAttempts attempts = new CallAttempts(operation);
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
                .predicate(TransientHttpFailure.class::isInstance)
                .backOff(new TransientFailureBackOff(settings, attempts))
                .build());
        try {
            JsonNode body = retry.execute(() -> attempt(route, request, attempts));
            return new RunPodResponse(body, attempts.unanswered());
        }
        catch (RetryException e) {
            Throwable last = e.getLastException();
            if (last instanceof RunPodException runPodException) {
                throw runPodException;
            }
            if (last instanceof TransientHttpFailure failure) {
                throw new RunPodUnavailableException("%s failed after %d attempts: %s"
                        .formatted(operation, attempts.failures(), failure.getMessage()), attempts.unanswered(), failure);
            }
            if (last instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                throw new RunPodException(operation + " was interrupted", e);
            }
            throw new RunPodException(operation + " failed: " + e.getMessage(), e);
        }
    }

    private JsonNode attempt(RunPodRoute route, HttpRequest request, CallAttempts attempts) throws InterruptedException {
        rateLimit.acquire(route);
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (HttpConnectTimeoutException | ConnectException e) {
            throw failed(attempts, new TransientHttpFailure("cannot connect to " + request.uri().getHost(), false, e));
        }
        catch (IOException e) {
            // The request may have been sent and processed before the connection broke.
            throw failed(attempts, new TransientHttpFailure("no answer: " + describe(e), true, e));
        }
        finally {
            rateLimit.release(route);
        }
        return interpret(route, request, response, attempts);
    }

    private JsonNode interpret(RunPodRoute route, HttpRequest request, HttpResponse<String> response, CallAttempts attempts) {
        int status = response.statusCode();
        if (status == 429) {
            Optional<Duration> retryAfter = retryAfter(response);
            // The whole route is over its limit, so every caller of it pauses, not only this one.
            rateLimit.blockFor(route, min(retryAfter.orElse(settings.retryDelay()), settings.retryMaxDelay()));
            throw failed(attempts, new TransientHttpFailure("HTTP 429 rate limited"
                    + retryAfter.map(pause -> ", Retry-After " + pause.toSeconds() + " s").orElse(""), false, null));
        }
        if (status >= 500) {
            throw failed(attempts, new TransientHttpFailure("HTTP " + status, false, null));
        }
        if (status == 401 || status == 403) {
            // Every later call would be refused the same way: a mistake in the run's settings.
            throw RunPodConfigurationException.keyRefused(status, request.method(), RunPodConnection.printable(request.uri()));
        }
        if (status >= 400) {
            throw new RunPodRejectedException(status, "%s %s answered HTTP %d: %s"
                    .formatted(request.method(), request.uri().getPath(), status, errorText(response.body())));
        }
        try {
            return serverText.clean(json.readTree(response.body()));
        }
        catch (JacksonException e) {
            // A gateway answering with HTML is a passing fault, not RunPod's answer.
            throw failed(attempts, new TransientHttpFailure("HTTP " + status + " with a body that is not JSON", false, e));
        }
    }

    private static TransientHttpFailure failed(CallAttempts attempts, TransientHttpFailure failure) {
        attempts.failed(failure);
        return failure;
    }

    /** The server's reason, cleaned of the key before it is cut short, so that no part of the key is left. */
    private String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        String text = body;
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.isString()) {
                text = error.stringValue();
            }
            else if (!error.isMissingNode()) {
                text = error.toString();
            }
        }
        catch (JacksonException ignored) {
            // not JSON: the raw text
        }
        text = serverText.clean(text);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            }
            catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: rare, the exponential delay will do
            }
        });
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** An exception's text for a message: never the key, whatever the JDK or a server put in it. */
    private String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : serverText.clean(e.getMessage());
    }
}
