package com.storystudio.batch.runpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.testing.RecordingServer;
import com.storystudio.batch.testing.RecordingServer.Answer;

/** What the client puts on the wire, and how it reads RunPod's answers and failures. */
class RunPodClientContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "rp-test-key-123";

    private final RecordingServer server = RecordingServer.start();
    private final RunPodConnection connection = new RunPodConnection(server.baseUrl(), server.baseUrl(), "ep-42", new ApiKey(KEY));
    private final RunPodHttp http = new RunPodHttp(new ApiKey(KEY), new RunPodProperties.Http(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 3, Duration.ofMillis(5), 2.0, Duration.ofMillis(300), Duration.ofMillis(1), Duration.ofSeconds(60)),
            RequestRateLimit.of(new RunPodProperties.RateLimit(Duration.ofSeconds(10), 1000, 2000, 100)), JSON);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void runSendsTheSeedsInputAndAnExplicitPolicyWithTheBearerKey() {
        server.answer("/v2/ep-42/run", Answer.json(200, "{\"id\":\"job-1\",\"status\":\"IN_QUEUE\"}"));

        SubmittedJob job = new RunPodJobs(connection, http).submit(new GenerationInput("https://x/i.png", "aGVsbG8=", "Talk", "720p", 30),
                new JobPolicy(Duration.ofMinutes(45), Duration.ofHours(2)));

        assertThat(job).isEqualTo(new SubmittedJob("job-1", RemoteStatus.IN_QUEUE, 0));
        RecordingServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.path("input").path("image").asString()).isEqualTo("https://x/i.png");
        assertThat(body.path("input").path("audio").asString()).isEqualTo("aGVsbG8=");
        assertThat(body.path("input").path("prompt").asString()).isEqualTo("Talk");
        assertThat(body.path("input").path("resolution").asString()).isEqualTo("720p");
        assertThat(body.path("input").path("sample_steps").asInt()).isEqualTo(30);
        assertThat(body.path("policy").path("executionTimeout").asLong()).isEqualTo(2_700_000);
        assertThat(body.path("policy").path("ttl").asLong()).isEqualTo(7_200_000);
    }

    @Test
    void aBlankPromptIsLeftOutSoThatTheWorkersDefaultApplies() {
        server.answer("/v2/ep-42/run", Answer.json(200, "{\"id\":\"job-2\",\"status\":\"IN_QUEUE\"}"));

        new RunPodJobs(connection, http).submit(new GenerationInput("https://x/i.png", "https://x/a.mp3", "", "480p", 20),
                new JobPolicy(Duration.ofMinutes(60), Duration.ofHours(24)));

        assertThat(JSON.readTree(server.requests().get(0).body()).path("input").has("prompt")).isFalse();
    }

    @Test
    void statusReadsUrlOutputsInlineOutputsErrorsAndUnknownStatuses() {
        server.answer("/v2/ep-42/status/a", Answer.json(200, """
                {"id":"a","status":"COMPLETED","delayTime":5060,"executionTime":567517,"output":{"video_url":"https://v/a.mp4",
                 "generation_time":567.46,"video_size_mb":1.71,"resolution":"480p","sample_steps":20}}"""));
        server.answer("/v2/ep-42/status/b", Answer.json(200, "{\"id\":\"b\",\"status\":\"COMPLETED\",\"output\":{\"video_b64\":\"AAAA\"}}"));
        server.answer("/v2/ep-42/status/c", Answer.json(200, "{\"id\":\"c\",\"status\":\"FAILED\",\"error\":\"job timed out after 1 retries\"}"));
        server.answer("/v2/ep-42/status/d", Answer.json(200, "{\"id\":\"d\",\"status\":\"RUNNING\"}"));
        RunPodJobs jobs = new RunPodJobs(connection, http);

        JobStatus a = jobs.status("a");
        assertThat(a.output()).isEqualTo(new JobOutput("https://v/a.mp4", null, 567.46, 1.71, "480p", 20));
        assertThat(a.executionTimeMs()).isEqualTo(567_517L);
        assertThat(jobs.status("b").output().inlineVideoBase64()).isEqualTo("AAAA");
        assertThat(jobs.status("b").output().hasVideo()).isTrue();
        assertThat(jobs.status("c").error()).isEqualTo("job timed out after 1 retries");
        JobStatus d = jobs.status("d");
        assertThat(d.status()).isEqualTo(RemoteStatus.UNKNOWN);
        assertThat(d.status().isTerminal()).isFalse();
        assertThat(d.rawStatus()).isEqualTo("RUNNING");
    }

    @Test
    void transientAnswersAreRetriedAndRetryAfterIsHonouredUpToTheMaximumDelay() {
        server.answer("/v2/ep-42/status/r",
                new Answer(429, "{}", Map.of("Retry-After", "1")),
                Answer.json(503, "{}"),
                Answer.json(200, "{\"id\":\"r\",\"status\":\"IN_PROGRESS\"}"));

        JobStatus status = new RunPodJobs(connection, http).status("r");

        assertThat(status.status()).isEqualTo(RemoteStatus.IN_PROGRESS);
        List<RecordingServer.Request> requests = server.requests();
        assertThat(requests).hasSize(3);
        // Retry-After: 1 s, capped by the 300 ms maximum delay, is still far above the 5 ms backoff.
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aRequestRunPodRefusesIsNotRetried() {
        server.answer("/v2/ep-42/run", Answer.json(400, "{\"error\":\"input is required\"}"));

        assertThatThrownBy(() -> new RunPodJobs(connection, http).submit(new GenerationInput("a", "b", "", "480p", 20),
                new JobPolicy(Duration.ofMinutes(1), Duration.ofMinutes(2))))
                .isInstanceOfSatisfying(RunPodRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("input is required").doesNotContain(KEY);
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void transientFailuresThatOutlastTheRetriesSurfaceAsUnavailable() {
        server.answer("/v2/ep-42/health", Answer.json(500, "{}"));

        assertThatThrownBy(() -> new RunPodJobs(connection, http).health())
                .isInstanceOf(RunPodUnavailableException.class)
                .hasMessageContaining("GET /health failed after 4 attempts: HTTP 500");
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void graphQlPassesTheEndpointIdAsAVariableAndWritesAZeroWorkersMinExplicitly() {
        server.answer("/graphql", Answer.json(200, "{\"data\":{\"updateEndpoint\":{\"id\":\"ep-42\",\"workersMin\":0,\"idleTimeout\":300}}}"));

        WorkerSettings settings = new GraphQlWorkerControl(connection, http).apply(new WorkerSettings(0, 300));

        assertThat(settings).isEqualTo(new WorkerSettings(0, 300));
        JsonNode body = JSON.readTree(server.requests().get(0).body());
        String query = body.path("query").asString();
        assertThat(query).contains("updateEndpoint(input: { id: $id, workersMin: 0, idleTimeout: 300 })")
                .startsWith("mutation UpdateEndpoint($id: String!)")
                .doesNotContain("ep-42");
        assertThat(body.path("variables").path("id").asString()).isEqualTo("ep-42");
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void graphQlReadsTheEndpointsScalingWithItsMostWorkers() {
        server.answer("/graphql", Answer.json(200,
                "{\"data\":{\"endpoint\":{\"id\":\"ep-42\",\"workersMin\":0,\"workersMax\":6,\"idleTimeout\":5}}}"));

        assertThat(new GraphQlWorkerControl(connection, http).read()).contains(new WorkerSettings(0, 5, 6));
    }

    @Test
    void graphQlErrorsBecomeExceptionsWithTheServersMessage() {
        server.answer("/graphql", Answer.json(200, "{\"errors\":[{\"message\":\"Endpoint not found\"}],\"data\":null}"));

        assertThatThrownBy(() -> new GraphQlWorkerControl(connection, http).read())
                .isInstanceOf(RunPodException.class).hasMessageContaining("Endpoint not found");
    }

    @Test
    void restControlPatchesOnlyTheWorkerFieldsOnTheManagementUrl() {
        server.answer("/v2/serverless/ep-42", Answer.json(200, "{\"id\":\"ep-42\",\"workers\":{\"min\":1,\"max\":3,\"idleTimeout\":120}}"));

        WorkerSettings settings = new RestWorkerControl(connection, http).apply(new WorkerSettings(1, 120));

        assertThat(settings).isEqualTo(new WorkerSettings(1, 120, 3));
        RecordingServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"workers\":{\"min\":1,\"idleTimeout\":120}}"));
    }

    @Test
    void theKeyNeverShowsInToStrings() {
        assertThat(new ApiKey(KEY).toString()).doesNotContain(KEY);
        assertThat(new RunPodProperties(server.baseUrl(), server.baseUrl(), "ep", KEY, WorkerControlMode.GRAPHQL, Duration.ofSeconds(1),
                Duration.ofSeconds(1), null, null).toString()).doesNotContain(KEY);
        assertThat(connection.toString()).doesNotContain(KEY);
    }
}
