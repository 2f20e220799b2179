package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulator as the application runs it: on a real clock, sped up, with concurrent pollers. */
class ScaledTimeSimulatorTest {

    @Test
    void simulatedTimeRunsTimeScaleTimesFasterThanRealTime() {
        double scale = 20_000;
        long realStart = System.nanoTime();
        try (RunPodSimulator simulator = RunPodSimulator.start(SimulatorSettings.defaults().withTimeScale(scale))) {
            long realAfterStart = System.nanoTime();
            Instant origin = simulator.simulatedNow();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> Duration.between(origin, simulator.simulatedNow()).getSeconds() >= 1_000);
            long realBefore = System.nanoTime();
            Duration simulated = Duration.between(origin, simulator.simulatedNow());
            long realAfter = System.nanoTime();

            // 1000 simulated seconds need at least 50 real milliseconds at 20000x ...
            assertThat(realBefore - realStart).isGreaterThanOrEqualTo((long) (1_000e9 / scale));
            // ... and simulated time never runs ahead of real time times the scale.
            assertThat((double) simulated.toNanos()).isLessThanOrEqualTo((realAfter - realAfterStart + 1e6) * scale);
        }
    }

    @Test
    void concurrentClientsRunAProjectToCompletionAndBillingAddsUp() throws Exception {
        // At 20000x the default 30 min retention lasts 90 real ms: too short for pollers on a busy machine.
        SimulatorSettings settings = SimulatorSettings.defaults().withTimeScale(20_000)
                .withResultRetention(Duration.ofDays(2));
        try (RunPodSimulator simulator = RunPodSimulator.start(settings)) {
            SimulatorClient client = new SimulatorClient(simulator);
            // Queue the whole project before any worker may start, so that however slowly this machine submits,
            // three workers start together and none idles until the queue is empty: the billing is then exact.
            simulator.setEndpoint(new EndpointConfig(0, 0, 5));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT));
            }
            simulator.setEndpoint(new EndpointConfig(0, 3, 5));
            ExecutorService pollers = Executors.newFixedThreadPool(6);
            try {
                List<Future<JsonNode>> results = new ArrayList<>();
                for (String id : ids) {
                    results.add(pollers.submit(() -> pollUntilFinished(client, id)));
                }
                for (Future<JsonNode> result : results) {
                    JsonNode done = result.get();
                    assertThat(done.get("status").stringValue()).isEqualTo("COMPLETED");
                    assertThat(client.getBytes("/videos/" + done.get("id").stringValue() + ".mp4").statusCode())
                            .isEqualTo(200);
                }
            } finally {
                pollers.shutdownNow();
            }

            // All flex workers go idle and are released 5 simulated seconds later.
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() ->
                    client.json(client.get(client.jobPath("health"))).get("workers").get("idle").intValue() == 0);
            SimulatorStats stats = simulator.stats();
            assertThat(stats.billedWorkerSeconds())
                    .isEqualTo(stats.executionSeconds() + stats.coldStartSeconds() + stats.idleWorkerSeconds());
            assertThat(stats.coldStartSeconds()).isEqualTo(3 * 60.0);
            assertThat(stats.idleWorkerSeconds()).isEqualTo(3 * 5.0);
            assertThat(stats.executionSeconds()).isGreaterThan(3 * 600.0);
            assertThat(stats.estimatedCostDollars()).isEqualTo(stats.billedWorkerSeconds() / 3600 * 1.89);
            assertThat(stats.statusRequests()).isGreaterThanOrEqualTo(6);
            assertThat(stats.jobsCreated()).isEqualTo(6);
            assertThat(simulator.jobs()).extracting(SimulatedJob::id).containsExactlyElementsOf(ids);
        }
    }

    @Test
    void closeStopsTheServerAndMayBeRepeated() throws Exception {
        RunPodSimulator simulator = RunPodSimulator.start(SimulatorSettings.defaults().withTimeScale(600));
        SimulatorClient client = new SimulatorClient(simulator);
        assertThat(simulator.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(simulator.baseUrl().getPort()).isPositive();
        assertThat(client.get(client.jobPath("health")).statusCode()).isEqualTo(200);

        simulator.close();
        simulator.close();
        assertThatThrownBy(() -> client.get(client.jobPath("health"))).isInstanceOf(IOException.class);
    }

    private static JsonNode pollUntilFinished(SimulatorClient client, String id) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> client.status(id), status -> !status.get("status").stringValue().startsWith("IN_"));
    }
}
