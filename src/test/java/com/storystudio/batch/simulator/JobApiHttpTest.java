package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The job API over real HTTP on 127.0.0.1, with simulated time driven by hand.
 * Timeline of one job on a fresh endpoint: worker ready at 60 s, model loaded at 660 s, clip done at 810 s.
 */
class JobApiHttpTest {

    private final ManualClock clock = new ManualClock();
    private RunPodSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = RunPodSimulator.start(SimulatorSettings.defaults().withServiceTimeCv(0), clock);
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void everyApiRouteWantsTheBearerKeyButVideosDoNot() throws Exception {
        String wrongKey = "Bearer not-" + simulator.apiKey();
        HttpResponse<String> noKey = client.send(client.request(client.jobPath("run"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"input\":" + SimulatorClient.validInput() + "}")));
        HttpResponse<String> badKey = client.send(client.request(client.jobPath("health"))
                .header("Authorization", wrongKey).GET());
        HttpResponse<String> bareKey = client.send(client.request("/graphql")
                .header("Authorization", simulator.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ endpoint(id: \\\"x\\\") { id } }\"}")));
        HttpResponse<String> management = client.send(client.request("/v2/serverless/" + simulator.endpointId())
                .GET());

        assertThat(Stream.of(noKey, badKey, bareKey, management)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(client.json(response).get("error").stringValue()).isEqualTo("Unauthorized");
        });
        assertThat(simulator.jobs()).isEmpty();
        SimulatorStats stats = simulator.stats();
        assertThat(stats.unauthorizedRequests()).isEqualTo(4);
        assertThat(stats.runRequests()).isEqualTo(1);
        assertThat(stats.jobsCreated()).isZero();
        assertThat(client.getBytes("/videos/unknown.mp4").statusCode()).isEqualTo(404);
    }

    @Test
    void jobRunsFromQueueThroughColdStartToCompletionAndItsVideoIsServed() throws Exception {
        HttpResponse<String> run = client.post(client.jobPath("run"),
                "{\"input\":" + SimulatorClient.validInput() + SimulatorClient.LONG_TIMEOUT + "}");
        assertThat(run.statusCode()).isEqualTo(200);
        JsonNode accepted = client.json(run);
        String id = accepted.get("id").stringValue();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-e1");
        assertThat(accepted.get("status").stringValue()).isEqualTo("IN_QUEUE");

        clock.setSeconds(30);
        JsonNode queued = client.status(id);
        assertThat(queued.get("status").stringValue()).isEqualTo("IN_QUEUE");
        assertThat(queued.get("delayTime").longValue()).isEqualTo(30_000);

        clock.setSeconds(100);
        JsonNode running = client.status(id);
        assertThat(running.get("status").stringValue()).isEqualTo("IN_PROGRESS");
        assertThat(running.get("delayTime").longValue()).isEqualTo(60_000);
        assertThat(running.get("executionTime").longValue()).isEqualTo(40_000);

        clock.setSeconds(900);
        JsonNode done = client.status(id);
        assertThat(done.get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(done.get("delayTime").longValue()).isEqualTo(60_000);
        assertThat(done.get("executionTime").longValue()).isEqualTo(750_000);
        JsonNode output = done.get("output");
        String videoUrl = simulator.baseUrl() + "/videos/" + id + ".mp4";
        assertThat(output.get("video_url").stringValue()).isEqualTo(videoUrl);
        assertThat(output.get("generation_time").doubleValue()).isEqualTo(750.0);
        assertThat(output.get("video_size_mb").doubleValue()).isBetween(1.0, 3.0);
        assertThat(output.get("resolution").stringValue()).isEqualTo("480p");
        assertThat(output.get("sample_steps").intValue()).isEqualTo(20);
        assertThat(done.has("error")).isFalse();

        HttpResponse<byte[]> video = client.getBytes("/videos/" + id + ".mp4");
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(video.body().length).isBetween(100, 1_000);
        assertThat(new String(Arrays.copyOfRange(video.body(), 4, 8))).isEqualTo("ftyp");

        SimulatedJob job = simulator.jobs().get(0);
        assertThat(job.id()).isEqualTo(id);
        assertThat(client.parse(job.inputJson())).isEqualTo(client.parse(SimulatorClient.validInput()));
        assertThat(job.status()).isEqualTo("COMPLETED");
        assertThat(Duration.between(job.submittedAt(), job.startedAt())).hasSeconds(60);
        assertThat(Duration.between(job.startedAt(), job.finishedAt())).hasSeconds(750);
        assertThat(job.videoUrl()).isEqualTo(videoUrl);
        assertThat(job.error()).isNull();
        assertThat(job.executionTimeoutMs()).isEqualTo(3_600_000);
        assertThat(job.ttlMs()).isEqualTo(86_400_000);
    }

    static Stream<Arguments> rejectedInputs() {
        String png = SimulatorClient.PNG_BASE64;
        String wav = SimulatorClient.WAV_BASE64;
        String text = Base64.getEncoder().encodeToString("just some text".getBytes());
        return Stream.of(
                Arguments.of("{\"audio\":\"https://a/b.mp3\"}", "Missing required inputs"),
                Arguments.of("{\"image\":\"https://a/b.png\",\"audio\":\"  \"}", "Missing required inputs"),
                Arguments.of("{\"image\":\"https://a/b.png\",\"audio\":\"https://a/b.mp3\",\"resolution\":\"1080p\"}",
                        "Invalid resolution"),
                Arguments.of("{\"image\":\"https://a/b.png\",\"audio\":\"https://a/b.mp3\",\"sample_steps\":14}",
                        "Invalid sample_steps"),
                Arguments.of("{\"image\":\"https://a/b.png\",\"audio\":\"https://a/b.mp3\",\"sample_steps\":51}",
                        "Invalid sample_steps"),
                Arguments.of("{\"image\":\"" + text + "\",\"audio\":\"" + wav + "\"}", "Cannot decode image"),
                Arguments.of("{\"image\":\"not base64 at all!\",\"audio\":\"" + wav + "\"}", "Cannot decode image"),
                Arguments.of("{\"image\":\"" + png + "\",\"audio\":\"" + png + "\"}", "Cannot decode audio"));
    }

    @ParameterizedTest
    @MethodSource("rejectedInputs")
    void workerRejectsBadInputWhenItPicksTheJobUp(String input, String error) throws Exception {
        String id = client.submit(input);
        assertThat(client.status(id).get("status").stringValue()).isEqualTo("IN_QUEUE");

        clock.setSeconds(63);
        JsonNode failed = client.status(id);
        assertThat(failed.get("status").stringValue()).isEqualTo("FAILED");
        assertThat(failed.get("error").stringValue()).isEqualTo(error);
        assertThat(failed.get("executionTime").longValue()).isEqualTo(3_000);
        assertThat(failed.has("output")).isFalse();
    }

    @Test
    void base64MediaThatDecodesToAnImageAndAnAudioFileIsAccepted() throws Exception {
        String id = client.submit("{\"image\":\"data:image/png;base64," + SimulatorClient.PNG_BASE64
                + "\",\"audio\":\"" + SimulatorClient.WAV_BASE64 + "\",\"resolution\":\"720p\",\"sample_steps\":15}",
                SimulatorClient.LONG_TIMEOUT);
        clock.setSeconds(2_000);
        JsonNode done = client.status(id);
        assertThat(done.get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(done.get("output").get("resolution").stringValue()).isEqualTo("720p");
        assertThat(done.get("output").get("sample_steps").intValue()).isEqualTo(15);
    }

    @Test
    void malformedRunRequestsAreRefusedWith400AndCreateNoJob() throws Exception {
        assertThat(client.post(client.jobPath("run"), "not json").statusCode()).isEqualTo(400);
        assertThat(client.post(client.jobPath("run"), "{\"image\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(client.post(client.jobPath("run"), "{\"input\":\"x\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> badPolicy = client.post(client.jobPath("run"),
                "{\"input\":{},\"policy\":{\"ttl\":-5}}");
        assertThat(badPolicy.statusCode()).isEqualTo(400);
        assertThat(client.json(badPolicy).get("error").stringValue()).contains("policy.ttl");

        String huge = "{\"input\":{\"image\":\"" + "A".repeat(10 * 1024 * 1024) + "\"}}";
        HttpResponse<String> tooLarge = client.post(client.jobPath("run"), huge);
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(client.json(tooLarge).get("error").stringValue()).contains("exceeds the 10 MB limit");

        assertThat(client.post("/v2/other-endpoint/run", "{\"input\":{}}").statusCode()).isEqualTo(404);
        assertThat(simulator.jobs()).isEmpty();
        assertThat(simulator.stats().runRequests()).isEqualTo(6);
    }

    @Test
    void policyDefaultsToRunPodsTenMinuteTimeoutAndOneDayTtl() throws Exception {
        client.submit(SimulatorClient.validInput());
        assertThat(simulator.jobs().get(0).executionTimeoutMs()).isEqualTo(600_000);
        assertThat(simulator.jobs().get(0).ttlMs()).isEqualTo(86_400_000);
    }

    @Test
    void statusAnswers404ForUnknownJobsAndOnceTheResultRetentionHasPassed() throws Exception {
        assertThat(client.get(client.jobPath("status/no-such-job")).statusCode()).isEqualTo(404);
        String id = client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);

        clock.setSeconds(810 + 1_799);
        assertThat(client.status(id).get("status").stringValue()).isEqualTo("COMPLETED");
        clock.setSeconds(810 + 1_800);
        HttpResponse<String> expired = client.get(client.jobPath("status/" + id));
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(client.json(expired).get("error").stringValue()).isEqualTo("job not found");
        assertThat(simulator.stats().statusRequests()).isEqualTo(3);
    }

    @Test
    void cancelRemovesAQueuedJobStopsARunningOneAndLeavesAFinishedOneAlone() throws Exception {
        simulator.setEndpoint(new EndpointConfig(0, 1, 5));
        String running = client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);
        String queued = client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);
        clock.setSeconds(100);

        JsonNode cancelledQueued = client.json(client.post(client.jobPath("cancel/" + queued), ""));
        assertThat(cancelledQueued.get("id").stringValue()).isEqualTo(queued);
        assertThat(cancelledQueued.get("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(client.json(client.post(client.jobPath("cancel/" + running), "")).get("status").stringValue())
                .isEqualTo("CANCELLED");
        assertThat(client.json(client.get(client.jobPath("health"))).get("workers").get("idle").intValue())
                .isEqualTo(1);

        assertThat(client.json(client.post(client.jobPath("cancel/" + running), "")).get("status").stringValue())
                .isEqualTo("CANCELLED");
        assertThat(client.post(client.jobPath("cancel/unknown"), "").statusCode()).isEqualTo(404);
        assertThat(simulator.stats().cancelRequests()).isEqualTo(4);
        assertThat(simulator.stats().executionSeconds()).isEqualTo(40.0);
    }

    @Test
    void retrySendsAFailedJobBackToTheQueueUnderTheSameId() throws Exception {
        String failed = client.submit("{\"image\":\"https://a/b.png\"}");
        assertThat(client.post(client.jobPath("retry/" + failed), "").statusCode()).isEqualTo(400);
        clock.setSeconds(63);

        JsonNode retried = client.json(client.post(client.jobPath("retry/" + failed), ""));
        assertThat(retried.get("id").stringValue()).isEqualTo(failed);
        assertThat(retried.get("status").stringValue()).isEqualTo("IN_QUEUE");
        assertThat(client.status(failed).get("status").stringValue()).isEqualTo("IN_PROGRESS");
        assertThat(client.post(client.jobPath("retry/unknown"), "").statusCode()).isEqualTo(404);

        clock.setSeconds(66);
        assertThat(client.status(failed).get("status").stringValue()).isEqualTo("FAILED");
        assertThat(client.json(client.get(client.jobPath("health"))).get("jobs").get("retried").intValue())
                .isEqualTo(1);
    }

    @Test
    void healthCountsJobsByStatusAndWorkersByState() throws Exception {
        simulator.setEndpoint(new EndpointConfig(0, 2, 5));
        client.submit("{}");
        for (int i = 0; i < 3; i++) {
            client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);
        }
        JsonNode starting = client.json(client.get(client.jobPath("health")));
        assertThat(starting.get("workers").get("initializing").intValue()).isEqualTo(2);
        assertThat(starting.get("jobs").get("inQueue").intValue()).isEqualTo(4);

        clock.setSeconds(100);
        JsonNode health = client.json(client.get(client.jobPath("health")));
        JsonNode jobs = health.get("jobs");
        assertThat(jobs.get("failed").intValue()).isEqualTo(1);
        assertThat(jobs.get("inProgress").intValue()).isEqualTo(2);
        assertThat(jobs.get("inQueue").intValue()).isEqualTo(1);
        assertThat(jobs.get("completed").intValue()).isZero();
        assertThat(jobs.get("retried").intValue()).isZero();
        JsonNode workers = health.get("workers");
        assertThat(workers.get("running").intValue()).isEqualTo(2);
        assertThat(workers.get("idle").intValue()).isZero();
        assertThat(workers.get("initializing").intValue()).isZero();
        assertThat(workers.get("throttled").intValue()).isZero();
        assertThat(workers.get("unhealthy").intValue()).isZero();
        assertThat(simulator.stats().healthRequests()).isEqualTo(2);
    }

    @Test
    void purgeQueueCancelsWaitingJobsOnly() throws Exception {
        simulator.setEndpoint(new EndpointConfig(0, 1, 5));
        String running = client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);
        String waiting = client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);
        client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);
        clock.setSeconds(61);

        JsonNode purged = client.json(client.post(client.jobPath("purge-queue"), ""));
        assertThat(purged.get("removed").intValue()).isEqualTo(2);
        assertThat(purged.get("status").stringValue()).isEqualTo("completed");
        assertThat(client.status(waiting).get("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(client.status(running).get("status").stringValue()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void unknownRoutesAndWrongMethodsAreRefused() throws Exception {
        assertThat(client.get("/v2/" + simulator.endpointId() + "/nothing").statusCode()).isEqualTo(404);
        assertThat(client.get(client.jobPath("run")).statusCode()).isEqualTo(405);
    }
}
