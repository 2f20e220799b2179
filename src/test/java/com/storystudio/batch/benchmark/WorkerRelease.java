package com.storystudio.batch.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.simulator.RunPodSimulator;

/**
 * Waits until the emulator has released every worker, so that its billing is final: after a run the
 * restored endpoint lets its idle workers go after the idle timeout. Asks the emulator's own
 * {@code /health}, as any RunPod client could; read the request counters before calling this.
 */
final class WorkerRelease {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);
    private static final long PAUSE_MILLIS = 5;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    void await(RunPodSimulator emulator) throws IOException, InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v2/" + emulator.endpointId() + "/health"))
                .header("Authorization", "Bearer " + emulator.apiKey()).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int live;
        while ((live = liveWorkers(health)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the emulator still has %d worker(s) %s after the run: was the endpoint's "
                        .formatted(live, GIVE_UP_AFTER) + "scaling not restored?");
            }
            Thread.sleep(PAUSE_MILLIS);
        }
    }

    private int liveWorkers(HttpRequest health) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/health answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode workers = json.readTree(response.body()).path("workers");
        return workers.path("idle").asInt() + workers.path("initializing").asInt() + workers.path("running").asInt();
    }
}
