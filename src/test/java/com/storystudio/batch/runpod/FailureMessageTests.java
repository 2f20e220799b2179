package com.storystudio.batch.runpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every exception that leaves the client has a message naming the call, whatever went wrong beneath:
 * an interrupt, a connection closed unanswered, a request the JDK refuses to build.
 */
class FailureMessageTests {

    private static final RunPodProperties.Http NO_RETRIES = new RunPodProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), 0,
            Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(60));

    @Test
    void aCallInterruptedBeforeItsAnswerSaysWhichCallAndKeepsTheInterrupt() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RunPodJobs jobs = jobs(URI.create("http://127.0.0.1:" + silent.getLocalPort()), "rp-message-key");

            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> jobs.status("job-1")).isExactlyInstanceOf(RunPodException.class)
                    .hasMessage("GET /status was interrupted after 0 failed attempt(s)");
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void aServerThatHangsUpGivesAMessageNamingTheCall() throws IOException {
        try (ServerSocket rude = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // Every connection, the JDK's own silent retry of a GET included, is closed unanswered.
            Thread hangUp = new Thread(() -> {
                try {
                    while (true) {
                        rude.accept().close();
                    }
                }
                catch (IOException e) {
                    // closed by the test
                }
            });
            hangUp.start();
            RunPodJobs jobs = jobs(URI.create("http://127.0.0.1:" + rude.getLocalPort()), "rp-message-key");

            assertThatThrownBy(jobs::health).isInstanceOf(RunPodUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).startsWith("GET /health failed after 1 attempt: no answer: ")
                            .doesNotEndWith("null"));
        }
    }

    @Test
    void aBaseUrlTheJdkCannotCallIsNamedWithTheCall() {
        RunPodJobs jobs = jobs(URI.create("ftp://127.0.0.1:21"), "rp-message-key");

        assertThatThrownBy(jobs::health).isExactlyInstanceOf(RunPodException.class)
                .hasMessageStartingWith("GET /health cannot be sent to ftp://127.0.0.1:21/v2/ep-2/health: ");
    }

    @Test
    void aKeyThatCannotBeAHeaderIsNotPrintedEither() {
        String key = "rp-line\nbreak-key";
        RunPodJobs jobs = jobs(URI.create("http://127.0.0.1:9"), key);

        assertThatThrownBy(jobs::health).isExactlyInstanceOf(RunPodException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith("GET /health cannot be sent to http://127.0.0.1:9/v2/ep-2/health")
                        .doesNotContain(key).doesNotContain("break-key"));
    }

    private static RunPodJobs jobs(URI url, String key) {
        RunPodConnection connection = new RunPodConnection(url, url, "ep-2", new ApiKey(key));
        return new RunPodJobs(connection, new RunPodHttp(connection.apiKey(), NO_RETRIES,
                RequestRateLimit.of(new RunPodProperties.RateLimit(Duration.ofSeconds(10), 1000, 2000, 100)), JsonMapper.builder().build()));
    }
}
