package com.storystudio.batch.runpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server that echoes the Authorization header it received into its answers, on every path where
 * the client keeps server text: rejection messages (JSON and plain text, long enough to be cut),
 * GraphQL errors, a {@code /run} without a job id, {@code /status} errors (string, object, JSON-escaped)
 * and output fields, and the retry log. The key shows up in none of them.
 */
class ServerTextRedactionTests {

    private static final String KEY = "rp-echo-secret-7d1c9b";
    private static final String PADDING = "x".repeat(290);

    private final PlainHttpServer server = PlainHttpServer.start(ServerTextRedactionTests::echo);
    private final RunPodConnection connection = new RunPodConnection(server.baseUrl(), server.baseUrl(), "ep-1", new ApiKey(KEY));
    private final RunPodHttp http = new RunPodHttp(connection.apiKey(), new RunPodProperties.Http(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1, Duration.ofMillis(5), 2.0, Duration.ofMillis(50), Duration.ofMillis(1), Duration.ofSeconds(60)),
            RequestRateLimit.of(new RunPodProperties.RateLimit(Duration.ofSeconds(10), 1000, 2000, 100)), JsonMapper.builder().build());
    private final RunPodJobs jobs = new RunPodJobs(connection, http);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger runpodLogger = (Logger) LoggerFactory.getLogger("com.storystudio.batch.runpod");

    ServerTextRedactionTests() {
        logs.start();
        runpodLogger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        runpodLogger.detachAppender(logs);
        server.close();
    }

    /** Answers by path, each putting the Authorization header it was sent somewhere in the answer. */
    private static PlainHttpServer.Reply echo(PlainHttpServer.Request request) {
        String auth = request.header("Authorization");
        String escaped = auth.replace("r", "\\u0072");
        return switch (request.target()) {
            case "/v2/ep-1/run" -> request.body().contains("\"json-rejection\"")
                    ? PlainHttpServer.Reply.json(400, "{\"error\":\"bad input; you sent Authorization: " + auth + "\"}")
                    : PlainHttpServer.Reply.json(200, "{\"status\":\"IN_QUEUE\",\"echo\":\"" + auth + "\"}");
            case "/v2/ep-1/status/a" -> PlainHttpServer.Reply.json(200, "{\"id\":\"a\",\"status\":\"COMPLETED\",\"output\":{\"video_url\":"
                    + "\"https://v/" + auth + ".mp4\",\"resolution\":\"" + auth + "\"}}");
            case "/v2/ep-1/status/b" -> PlainHttpServer.Reply.json(200, "{\"id\":\"b\",\"status\":\"FAILED\",\"error\":\"worker saw " + auth + "\"}");
            case "/v2/ep-1/status/c" -> PlainHttpServer.Reply.json(200, "{\"id\":\"c\",\"status\":\"FAILED\",\"error\":{\"headers\":{\""
                    + auth + "\":[\"" + escaped + "\"]}}}");
            case "/v2/ep-1/health" -> PlainHttpServer.Reply.text(503, "upstream down, request had " + auth);
            case "/graphql" -> PlainHttpServer.Reply.json(200, "{\"errors\":[{\"message\":\"cannot parse request from " + auth + "\"}]}");
            case "/v2/serverless/ep-1" -> PlainHttpServer.Reply.text(422, PADDING + auth + " was not accepted");
            default -> PlainHttpServer.Reply.json(404, "{\"error\":\"no such path " + request.target() + " for " + auth + "\"}");
        };
    }

    @Test
    void rejectionsGraphQlErrorsAndAnswersWithoutAJobIdCarryNoKey() {
        assertThatThrownBy(() -> jobs.submit(input("json-rejection"), policy()))
                .isInstanceOf(RunPodRejectedException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("Bearer " + ServerText.MASK).doesNotContain(KEY));
        assertThatThrownBy(() -> jobs.submit(input("no id"), policy()))
                .isInstanceOf(RunPodException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("answered without a job id", ServerText.MASK).doesNotContain(KEY));
        assertThatThrownBy(() -> new GraphQlWorkerControl(connection, http).read())
                .isInstanceOf(RunPodException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("cannot parse request from Bearer ****").doesNotContain(KEY));
        assertThatThrownBy(() -> jobs.status("unknown"))
                .isInstanceOf(RunPodRejectedException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("no such path").doesNotContain(KEY));
    }

    @Test
    void aLongPlainTextRejectionIsCleanedBeforeItIsCutShort() {
        // The key starts at character 297, across the 300-character cut: no prefix of it may be left.
        assertThatThrownBy(() -> new RestWorkerControl(connection, http).apply(new WorkerSettings(1, 60)))
                .isInstanceOf(RunPodRejectedException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(PADDING + "Bearer ***").doesNotContain(KEY.substring(0, 3)));
    }

    @Test
    void statusErrorsAndOutputFieldsCarryNoKey() {
        JobStatus completed = jobs.status("a");
        assertThat(completed.output().videoUrl()).isEqualTo("https://v/Bearer ****.mp4");
        assertThat(completed.output().resolution()).isEqualTo("Bearer ****");
        assertThat(jobs.status("b").error()).isEqualTo("worker saw Bearer ****");
        JobStatus objectError = jobs.status("c");
        assertThat(objectError.error()).contains("Bearer ****").doesNotContain(KEY);
        assertThat(objectError.toString()).doesNotContain(KEY);
    }

    @Test
    void retriedFailuresLogNoKey() {
        assertThatThrownBy(jobs::health).isInstanceOf(RunPodUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("GET /health failed after 2 attempts").doesNotContain(KEY));

        assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(KEY));
    }

    private static GenerationInput input(String prompt) {
        return new GenerationInput("https://x/i.png", "https://x/a.mp3", prompt, "480p", 20);
    }

    private static JobPolicy policy() {
        return new JobPolicy(Duration.ofMinutes(60), Duration.ofHours(24));
    }
}
