package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RunPod's per-endpoint request limits, as a real HTTP client meets them, on simulated time moved by hand. */
class RequestLimitsHttpTest {

    private final ManualClock clock = new ManualClock();
    private RunPodSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = RunPodSimulator.start(SimulatorSettings.defaults()
                .withRequestLimits(new RequestLimits(Duration.ofSeconds(10), 3, 4, 2)), clock);
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aRouteOverItsLimitIsAnswered429WithTheWholeSecondsUntilAPlaceFreesUp() throws Exception {
        String first = client.submit(SimulatorClient.validInput());
        clock.setSeconds(2);
        client.submit(SimulatorClient.validInput());
        client.submit(SimulatorClient.validInput());

        HttpResponse<String> refused = run();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("8");

        clock.setSeconds(9.5);
        assertThat(run().headers().firstValue("Retry-After")).hasValue("1");

        // The first request leaves the window at 10 s.
        clock.setSeconds(10);
        assertThat(run().statusCode()).isEqualTo(200);
        assertThat(run().statusCode()).isEqualTo(429);

        SimulatorStats stats = simulator.stats();
        assertThat(stats.rateLimitedRequests()).isEqualTo(3);
        assertThat(stats.injectedHttp429()).isZero();
        assertThat(stats.runRequests()).isEqualTo(7);
        assertThat(stats.jobsCreated()).isEqualTo(4);
        assertThat(simulator.jobs()).first().satisfies(job -> assertThat(job.id()).isEqualTo(first));
    }

    @Test
    void eachRouteHasItsOwnLimitAndHealthHasNone() throws Exception {
        String id = client.submit(SimulatorClient.validInput());
        for (int i = 0; i < 4; i++) {
            assertThat(client.get(client.jobPath("status/" + id)).statusCode()).isEqualTo(200);
        }
        assertThat(client.get(client.jobPath("status/" + id)).statusCode()).isEqualTo(429);

        assertThat(client.post(client.jobPath("cancel/" + id), "{}").statusCode()).isEqualTo(200);
        assertThat(client.post(client.jobPath("cancel/" + id), "{}").statusCode()).isEqualTo(200);
        assertThat(client.post(client.jobPath("cancel/" + id), "{}").statusCode()).isEqualTo(429);
        for (int i = 0; i < 10; i++) {
            assertThat(client.get(client.jobPath("health")).statusCode()).isEqualTo(200);
        }
        assertThat(client.submit(SimulatorClient.validInput())).isNotBlank();

        assertThat(simulator.stats().rateLimitedRequests()).isEqualTo(2);
    }

    private HttpResponse<String> run() throws Exception {
        return client.post(client.jobPath("run"), "{\"input\":" + SimulatorClient.validInput() + "}");
    }
}
