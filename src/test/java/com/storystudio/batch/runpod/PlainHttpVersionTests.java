package com.storystudio.batch.runpod;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against a server that refuses every upgrade request, as Debian's uvicorn 0.17.6 does, the client
 * still works: to a plain {@code http://} URL it speaks HTTP/1.1 and never asks for h2c.
 */
class PlainHttpVersionTests {

    private static final String KEY = "rp-version-test-key";

    private final PlainHttpServer server = PlainHttpServer.start(request -> switch (request.target()) {
        case "/v2/ep-7/health" -> PlainHttpServer.Reply.json(200,
                "{\"workers\":{\"idle\":1,\"initializing\":0,\"running\":2},\"jobs\":{\"inQueue\":3,\"inProgress\":2}}");
        case "/v2/ep-7/run" -> PlainHttpServer.Reply.json(200, "{\"id\":\"job-1\",\"status\":\"IN_QUEUE\"}");
        case "/v2/ep-7/status/job-1" -> PlainHttpServer.Reply.json(200,
                "{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":{\"video_url\":\"https://v/job-1.mp4\"}}");
        case "/graphql" -> PlainHttpServer.Reply.json(200,
                "{\"data\":{\"endpoint\":{\"id\":\"ep-7\",\"workersMin\":0,\"workersMax\":3,\"idleTimeout\":5}}}");
        case "/v2/serverless/ep-7" -> PlainHttpServer.Reply.json(200, "{\"id\":\"ep-7\",\"workers\":{\"min\":1,\"max\":3,\"idleTimeout\":60}}");
        default -> PlainHttpServer.Reply.json(404, "{\"error\":\"not found\"}");
    });
    private final RunPodConnection connection = new RunPodConnection(server.baseUrl(), server.baseUrl(), "ep-7", new ApiKey(KEY));
    private final RunPodHttp http = new RunPodHttp(connection.apiKey(), new RunPodProperties.Http(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 0, Duration.ofMillis(5), 2.0, Duration.ofMillis(50), Duration.ofMillis(1), Duration.ofSeconds(60)),
            RequestRateLimit.of(new RunPodProperties.RateLimit(Duration.ofSeconds(10), 1000, 2000, 100)), JsonMapper.builder().build());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theServerRefusesTheJdksDefaultUpgradeToHttp2() throws Exception {
        // The server models uvicorn faithfully, so the test below can fail: an HttpClient left at its
        // default (HTTP/2) asks for h2c on a plain http:// URL and is refused.
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.baseUrl().resolve("/v2/ep-7/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("Unsupported upgrade request.");
        assertThat(server.requests().get(0).header("Upgrade")).isEqualTo("h2c");
    }

    @Test
    void jobRoutesGraphQlAndRestAllWorkOverHttp11() {
        RunPodJobs jobs = new RunPodJobs(connection, http);

        assertThat(jobs.health()).isEqualTo(new EndpointHealth(1, 0, 2, 3, 2));
        SubmittedJob job = jobs.submit(new GenerationInput("https://x/i.png", "https://x/a.mp3", "Talk", "480p", 20),
                new JobPolicy(Duration.ofMinutes(60), Duration.ofHours(24)));
        assertThat(job.id()).isEqualTo("job-1");
        assertThat(jobs.status("job-1").output().videoUrl()).isEqualTo("https://v/job-1.mp4");
        assertThat(new GraphQlWorkerControl(connection, http).read()).contains(new WorkerSettings(0, 5, 3));
        assertThat(new RestWorkerControl(connection, http).apply(new WorkerSettings(1, 60))).isEqualTo(new WorkerSettings(1, 60, 3));

        assertThat(server.requests()).hasSize(5).allSatisfy(request -> {
            assertThat(request.version()).isEqualTo("HTTP/1.1");
            assertThat(request.header("Upgrade")).isNull();
            assertThat(request.header("HTTP2-Settings")).isNull();
        });
        assertThat(server.requests()).extracting(PlainHttpServer.Request::method).containsExactly("GET", "POST", "GET", "POST", "PATCH");
    }
}
