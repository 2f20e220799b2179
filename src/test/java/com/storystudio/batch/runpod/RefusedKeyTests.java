package com.storystudio.batch.runpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.TestSimulators;

/**
 * A refused key is a mistake in the run's settings, wherever RunPod says so: a 401 or 403 on any
 * route, or a GraphQL error saying "unauthorized" in a 200 answer. It is a
 * {@link RunPodConfigurationException} naming the method and URL, sent once and never retried.
 */
class RefusedKeyTests {

    private static final String WRONG_KEY = "rp-wrong-key-0c4e";

    @Test
    void everyRouteOfTheEmulatorRefusingTheKeyIsAConfigurationErrorSentOnce() {
        try (RunPodSimulator simulator = RunPodSimulator.start(TestSimulators.fast())) {
            RunPodConnection connection = new RunPodConnection(simulator.baseUrl(), simulator.baseUrl(), simulator.endpointId(),
                    new ApiKey(WRONG_KEY));
            RunPodHttp http = retryingHttp(connection.apiKey());
            RunPodJobs jobs = new RunPodJobs(connection, http);
            String jobsUrl = simulator.baseUrl() + "/v2/" + simulator.endpointId();

            assertKeyRefused(401, "GET " + jobsUrl + "/health", jobs::health);
            assertKeyRefused(401, "POST " + jobsUrl + "/run", () -> jobs.submit(new GenerationInput("https://x/i.png",
                    "https://x/a.mp3", "", "480p", 20), new JobPolicy(Duration.ofMinutes(60), Duration.ofHours(24))));
            assertKeyRefused(401, "GET " + jobsUrl + "/status/job-1", () -> jobs.status("job-1"));
            assertKeyRefused(401, "POST " + jobsUrl + "/cancel/job-1", () -> jobs.cancel("job-1"));
            assertKeyRefused(401, "POST " + simulator.baseUrl() + "/graphql", () -> new GraphQlWorkerControl(connection, http).read());
            assertKeyRefused(401, "PATCH " + simulator.baseUrl() + "/v2/serverless/" + simulator.endpointId(),
                    () -> new RestWorkerControl(connection, http).apply(new WorkerSettings(1, 60)));

            // Six calls, six requests: none was retried, although the client would retry a 5xx three times.
            assertThat(simulator.stats().unauthorizedRequests()).isEqualTo(6);
        }
    }

    @Test
    void aForbiddenAnswerFromTheManagementApiIsAConfigurationErrorToo() {
        try (PlainHttpServer server = PlainHttpServer.start(request -> PlainHttpServer.Reply.json(403, "{\"error\":\"forbidden\"}"))) {
            RunPodConnection connection = new RunPodConnection(server.baseUrl(), server.baseUrl(), "ep-9", new ApiKey(WRONG_KEY));

            assertKeyRefused(403, "GET " + server.baseUrl() + "/v2/serverless/ep-9",
                    () -> new RestWorkerControl(connection, retryingHttp(connection.apiKey())).read());
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void graphQlSayingUnauthorizedInA200AnswerIsARefusedKey() {
        try (PlainHttpServer server = PlainHttpServer.start(request -> PlainHttpServer.Reply.json(200,
                "{\"errors\":[{\"message\":\"Unauthorized: invalid api key\"}],\"data\":null}"))) {
            RunPodConnection connection = new RunPodConnection(server.baseUrl(), server.baseUrl(), "ep-9", new ApiKey(WRONG_KEY));

            assertThatThrownBy(() -> new GraphQlWorkerControl(connection, retryingHttp(connection.apiKey())).apply(new WorkerSettings(1, 60)))
                    .isInstanceOfSatisfying(RunPodConfigurationException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.isAuthenticationFailure()).isTrue();
                        assertThat(e.getMessage()).contains("RunPod refused the API key", "Unauthorized: invalid api key",
                                "POST " + server.baseUrl() + "/graphql", "RUNPOD_API_KEY").doesNotContain(WRONG_KEY);
                    });
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void otherGraphQlErrorsStayOrdinaryFailures() {
        try (PlainHttpServer server = PlainHttpServer.start(request -> PlainHttpServer.Reply.json(200,
                "{\"errors\":[{\"message\":\"Endpoint not found\"}],\"data\":null}"))) {
            RunPodConnection connection = new RunPodConnection(server.baseUrl(), server.baseUrl(), "ep-9", new ApiKey(WRONG_KEY));

            assertThatThrownBy(() -> new GraphQlWorkerControl(connection, retryingHttp(connection.apiKey())).read())
                    .isExactlyInstanceOf(RunPodException.class).hasMessageContaining("Endpoint not found");
        }
    }

    private static void assertKeyRefused(int status, String methodAndUrl, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(RunPodConfigurationException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains("RunPod refused the API key (HTTP " + status + " on " + methodAndUrl + ")")
                    .contains("RUNPOD_API_KEY").doesNotContain(WRONG_KEY);
        });
    }

    /** Retries transient failures three times, so that a retried refusal would show in the request count. */
    private static RunPodHttp retryingHttp(ApiKey key) {
        return new RunPodHttp(key, new RunPodProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(5),
                2.0, Duration.ofMillis(50), Duration.ofMillis(1), Duration.ofSeconds(60)),
                RequestRateLimit.of(new RunPodProperties.RateLimit(Duration.ofSeconds(10), 1000, 2000, 100)), JsonMapper.builder().build());
    }
}
