package com.storystudio.batch.runpod;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.util.backoff.BackOffExecution;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.time.Sleeper;

/**
 * The one place that sends HTTP to RunPod. Adds the Bearer key, maps answers to results or
 * exceptions, and retries transient failures (5xx, 429, I/O errors) with exponential backoff and
 * jitter ({@link TransientFailureBackOff}) within the call's {@link RetryBudget}: {@code max-retry-time}
 * and the {@link RetryCurfew}. Every attempt first takes a permit of its route's
 * {@link RequestRateLimit}; a 429 holds back the whole route there for its {@code Retry-After}.
 * <p>
 * Every answer's text is cleaned of the key ({@link ServerText}) as it arrives, and a refused key
 * (401/403 on any route) is a {@link RunPodConfigurationException}, never retried. Every exception
 * that leaves has a message naming the call.
 */
public final class RunPodHttp {

    private final HttpClient client;
    private final ApiKey apiKey;
    private final RunPodProperties.Http settings;
    private final RequestRateLimit rateLimit;
    private final JsonMapper json;
    private final ServerText serverText;
    private final RetryCurfew curfew;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RunPodCallListener listener;

    /** On the system clock, sleeping for real, with a curfew nobody sets. */
    public RunPodHttp(ApiKey apiKey, RunPodProperties.Http settings, RequestRateLimit rateLimit, JsonMapper json) {
        this(apiKey, settings, rateLimit, json, new RetryCurfew(Clock.systemUTC()), Clock.systemUTC(), Sleeper.REAL);
    }

    /** {@code clock} and {@code sleeper} time the retries; the curfew should read the same clock. */
    public RunPodHttp(ApiKey apiKey, RunPodProperties.Http settings, RequestRateLimit rateLimit, JsonMapper json,
                      RetryCurfew curfew, Clock clock, Sleeper sleeper) {
        this(apiKey, settings, rateLimit, json, curfew, clock, sleeper, RunPodCallListener.NONE);
    }

    /** @param listener told of every attempt and retry, for the metrics */
    public RunPodHttp(ApiKey apiKey, RunPodProperties.Http settings, RequestRateLimit rateLimit, JsonMapper json,
                      RetryCurfew curfew, Clock clock, Sleeper sleeper, RunPodCallListener listener) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.apiKey = apiKey;
        this.settings = settings;
        this.rateLimit = rateLimit;
        this.json = json;
        this.serverText = new ServerText(apiKey);
        this.curfew = curfew;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
    }

    RunPodResponse get(RunPodRoute route, String operation, URI uri) {
        return exchange(route, operation, request(operation, uri).GET());
    }

    RunPodResponse post(RunPodRoute route, String operation, URI uri, JsonNode body) {
        return exchange(route, operation, request(operation, uri).POST(bodyOf(body)));
    }

    RunPodResponse patch(RunPodRoute route, String operation, URI uri, JsonNode body) {
        return exchange(route, operation, request(operation, uri).method("PATCH", bodyOf(body)));
    }

    JsonMapper json() {
        return json;
    }

    private HttpRequest.Builder request(String operation, URI uri) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
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
        catch (IllegalArgumentException e) {
            throw new RunPodException("%s cannot be sent to %s: %s".formatted(operation, RunPodConnection.printable(uri), describe(e)));
        }
    }

    private HttpRequest.BodyPublisher bodyOf(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8);
    }

    private RunPodResponse exchange(RunPodRoute route, String operation, HttpRequest.Builder request) {
        CallAttempts attempts = new CallAttempts(operation);
        RetryBudget budget = new RetryBudget(settings, curfew, clock);
        BackOffExecution backOff = new TransientFailureBackOff(settings, budget, attempts).start();
        try {
            while (true) {
                HttpRequest next = request.timeout(budget.attemptTimeout(attempts.failures() > 0)).build();
                try {
                    return new RunPodResponse(attempt(route, next, attempts), attempts.unanswered());
                }
                catch (TransientHttpFailure failure) {
                    long delay = backOff.nextBackOff();
                    if (delay == BackOffExecution.STOP) {
                        throw unavailable(attempts, failure);
                    }
                    listener.retrying(route);
                    sleeper.sleep(Duration.ofMillis(delay));
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunPodException(operation + " was interrupted after " + attempts.failures() + " failed attempt(s)", e);
        }
    }

    private static RunPodUnavailableException unavailable(CallAttempts attempts, TransientHttpFailure last) {
        String reason = attempts.gaveUpBecause();
        return new RunPodUnavailableException("%s failed after %d attempt%s: %s%s".formatted(attempts.operation(), attempts.failures(),
                attempts.failures() == 1 ? "" : "s", last.getMessage(), reason == null ? "" : "; gave up: " + reason),
                attempts.unanswered(), last);
    }

    private JsonNode attempt(RunPodRoute route, HttpRequest request, CallAttempts attempts) throws InterruptedException {
        rateLimit.acquire(route);
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (HttpConnectTimeoutException | ConnectException e) {
            listener.attempted(route, RunPodCallListener.Outcome.UNREACHABLE);
            throw failed(attempts, new TransientHttpFailure("cannot connect to %s:%d (%s)"
                    .formatted(request.uri().getHost(), request.uri().getPort(), describe(e)), false, e));
        }
        catch (HttpTimeoutException e) {
            listener.attempted(route, RunPodCallListener.Outcome.NO_ANSWER);
            Duration timeout = request.timeout().orElse(settings.requestTimeout());
            throw failed(attempts, new TransientHttpFailure("no answer within " + RetryBudget.readable(timeout), true, e));
        }
        catch (IOException e) {
            // The request may have been sent and processed before the connection broke.
            listener.attempted(route, RunPodCallListener.Outcome.NO_ANSWER);
            throw failed(attempts, new TransientHttpFailure("no answer: " + describe(e), true, e));
        }
        catch (IllegalArgumentException | SecurityException e) {
            throw new RunPodException("%s cannot be sent to %s: %s"
                    .formatted(attempts.operation(), RunPodConnection.printable(request.uri()), describe(e)), e);
        }
        finally {
            rateLimit.release(route);
        }
        JsonNode answer;
        try {
            answer = interpret(route, request, response, attempts);
        }
        catch (RuntimeException e) {
            listener.attempted(route, outcomeOf(response.statusCode()));
            throw e;
        }
        listener.attempted(route, RunPodCallListener.Outcome.ANSWERED);
        return answer;
    }

    private static RunPodCallListener.Outcome outcomeOf(int status) {
        return status == 429 ? RunPodCallListener.Outcome.RATE_LIMITED
                : status >= 500 ? RunPodCallListener.Outcome.SERVER_ERROR
                : status == 401 || status == 403 ? RunPodCallListener.Outcome.REFUSED
                : status >= 400 ? RunPodCallListener.Outcome.REJECTED
                : RunPodCallListener.Outcome.NOT_JSON;
    }

    private JsonNode interpret(RunPodRoute route, HttpRequest request, HttpResponse<String> response, CallAttempts attempts) {
        int status = response.statusCode();
        if (status == 429) {
            Optional<Duration> retryAfter = retryAfter(response);
            Duration pause = min(retryAfter.orElse(settings.retryDelay()), settings.retryMaxDelay());
            // The whole route is over its limit, so every caller of it pauses, not only this one.
            rateLimit.blockFor(route, pause);
            throw failed(attempts, new TransientHttpFailure("HTTP 429 rate limited"
                    + retryAfter.map(after -> ", Retry-After " + after.toSeconds() + " s").orElse(""), false, null, pause));
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

    /** An exception's text for a message: never null, and never the key, whatever the JDK or a server put in it. */
    private String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : serverText.clean(e.getMessage());
    }
}
