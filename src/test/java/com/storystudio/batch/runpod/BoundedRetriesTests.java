package com.storystudio.batch.runpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.testing.ManualTime;

/**
 * A call's retries end within {@code runpod.http.max-retry-time}, the attempts' own time included, and
 * never back off past the {@link RetryCurfew}. The client runs on a {@link ManualTime}: its waits move
 * the clock at once, so the tests use the real settings (1 s doubling, 60 s in all) without waiting.
 */
class BoundedRetriesTests {

    private final ManualTime time = new ManualTime();
    private final RetryCurfew curfew = new RetryCurfew(time);

    @Test
    void aClosedPortIsRetriedUntilTheNextWaitWouldEndPastTheMaxRetryTime() throws IOException {
        RunPodJobs jobs = jobs(closedPort(), Duration.ofSeconds(120));

        // Attempts at 0, 1, 3, 7, 15 and 31 s; a wait of 32 s would end at 63 s, past the 60 s.
        assertThatThrownBy(jobs::health).isInstanceOfSatisfying(RunPodUnavailableException.class, e -> assertThat(e.getMessage())
                .startsWith("GET /health failed after 6 attempts: cannot connect to 127.0.0.1:")
                .endsWith("; gave up: another retry would end past runpod.http.max-retry-time (60s)"));
        assertThat(Duration.ofNanos(time.elapsedNanos())).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void theAttemptsOwnTimeCountsTowardsTheMaxRetryTime() {
        // Each attempt takes 10 s of the client's clock before the server answers 503.
        try (PlainHttpServer server = PlainHttpServer.start(request -> {
            time.advance(Duration.ofSeconds(10));
            return PlainHttpServer.Reply.json(503, "{}");
        })) {
            RunPodJobs jobs = jobs(server.baseUrl(), Duration.ofSeconds(120));

            // Attempts at 0, 11, 23, 37 and 55 s (each ending 10 s later); at 65 s no wait fits any more.
            assertThatThrownBy(jobs::health).isInstanceOf(RunPodUnavailableException.class)
                    .hasMessageContaining("failed after 5 attempts: HTTP 503").hasMessageContaining("max-retry-time (60s)");
            assertThat(server.requests()).hasSize(5);
            assertThat(Duration.ofNanos(time.elapsedNanos())).isEqualTo(Duration.ofSeconds(65));
        }
    }

    @Test
    void withACurfewSetTheCallGivesUpInsteadOfWaitingPastIt() throws IOException {
        curfew.at(ManualTime.START.plusSeconds(10));
        RunPodJobs jobs = jobs(closedPort(), Duration.ofSeconds(120));

        // Attempts at 0, 1, 3 and 7 s; the next wait (8 s) would end at 15 s, past the curfew at 10 s.
        assertThatThrownBy(jobs::health).isInstanceOfSatisfying(RunPodUnavailableException.class, e -> assertThat(e.getMessage())
                .startsWith("GET /health failed after 4 attempts")
                .endsWith("; gave up: another retry would end past the retry curfew (1970-01-01T00:00:10Z)"));
        assertThat(Duration.ofNanos(time.elapsedNanos())).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterLongerThanTheTimeLeftEndsTheCallAtOnce() {
        try (PlainHttpServer server = PlainHttpServer.start(request -> new PlainHttpServer.Reply(429, "application/json", "{}",
                Map.of("Retry-After", "30")))) {
            RunPodJobs jobs = new RunPodJobs(connectionTo(server.baseUrl()), http(new RunPodProperties.Http(Duration.ofSeconds(10),
                    Duration.ofSeconds(120), 1000, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(20))));

            assertThatThrownBy(jobs::health).isInstanceOf(RunPodUnavailableException.class)
                    .hasMessageContaining("failed after 1 attempt: HTTP 429 rate limited, Retry-After 30 s")
                    .hasMessageContaining("max-retry-time (20s)");
            assertThat(server.requests()).hasSize(1);
            assertThat(time.elapsedNanos()).isZero();
        }
    }

    @Test
    void withACurfewSetAnAttemptWaitsForItsAnswerOnlyUntilTheCurfew() throws IOException {
        // A server that takes connections and never answers; the request timeout is two minutes.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            curfew.at(ManualTime.START.plusMillis(300));
            RunPodJobs jobs = jobs(URI.create("http://127.0.0.1:" + silent.getLocalPort()), Duration.ofSeconds(120));

            assertThatThrownBy(jobs::health).isInstanceOf(RunPodUnavailableException.class)
                    .hasMessageContaining("GET /health failed after 1 attempt: no answer within 300ms")
                    .hasMessageContaining("retry curfew");
        }
    }

    /** The defaults but for the request timeout, without jitter, and retries enough that only the time can end them. */
    private RunPodJobs jobs(URI url, Duration requestTimeout) {
        return new RunPodJobs(connectionTo(url), http(new RunPodProperties.Http(Duration.ofSeconds(10), requestTimeout, 1000,
                Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(60))));
    }

    private RunPodHttp http(RunPodProperties.Http settings) {
        return new RunPodHttp(new ApiKey("rp-bounded-key"), settings,
                RequestRateLimit.of(new RunPodProperties.RateLimit(Duration.ofSeconds(10), 1000, 2000, 100)),
                JsonMapper.builder().build(), curfew, time, time);
    }

    private static RunPodConnection connectionTo(URI url) {
        return new RunPodConnection(url, url, "ep-5", new ApiKey("rp-bounded-key"));
    }

    /** A port that was bound a moment ago and is closed now: connecting is refused at once. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
