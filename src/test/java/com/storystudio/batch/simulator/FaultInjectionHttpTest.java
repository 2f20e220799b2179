package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each fault switch, seen from a real HTTP client. */
class FaultInjectionHttpTest {

    private final ManualClock clock = new ManualClock();
    private RunPodSimulator simulator;
    private SimulatorClient client;
    private SimulatorFaults faults;

    @BeforeEach
    void start() {
        simulator = RunPodSimulator.start(SimulatorSettings.defaults().withServiceTimeCv(0), clock);
        client = new SimulatorClient(simulator);
        faults = simulator.faults();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void http500IsAnsweredBeforeAnythingIsDone() throws Exception {
        faults.setHttp500Rate(1);
        assertThat(client.post(client.jobPath("run"), "{\"input\":" + SimulatorClient.validInput() + "}")
                .statusCode()).isEqualTo(500);
        assertThat(client.post("/graphql", "{\"query\":\"{ endpoint(id: \\\"sim-endpoint\\\") { id } }\"}")
                .statusCode()).isEqualTo(500);
        assertThat(client.get("/v2/serverless/" + simulator.endpointId()).statusCode()).isEqualTo(500);

        SimulatorStats stats = simulator.stats();
        assertThat(stats.injectedHttp500()).isEqualTo(3);
        assertThat(stats.runRequests()).isEqualTo(1);
        assertThat(stats.jobsCreated()).isZero();
    }

    @Test
    void http429CarriesRetryAfter() throws Exception {
        faults.setHttp429Rate(1);
        HttpResponse<String> limited = client.get(client.jobPath("health"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");

        faults.setRetryAfterSeconds(7);
        assertThat(client.get(client.jobPath("status/x")).headers().firstValue("Retry-After")).hasValue("7");
        assertThat(simulator.stats().injectedHttp429()).isEqualTo(2);
    }

    @Test
    void droppedConnectionGivesTheClientAnIOExceptionAndCreatesNothing() {
        faults.setDropConnectionRate(1);
        assertThatThrownBy(() -> client.post(client.jobPath("run"), "{\"input\":" + SimulatorClient.validInput() + "}"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.get(client.jobPath("health"))).isInstanceOf(IOException.class);

        SimulatorStats stats = simulator.stats();
        // A client may resend an idempotent GET once on a closed connection, so at least the two seen.
        assertThat(stats.droppedConnections()).isGreaterThanOrEqualTo(2);
        assertThat(stats.jobsCreated()).isZero();
        assertThat(simulator.jobs()).isEmpty();
    }

    @Test
    void lostRunResponseLeavesAQueuedJobTheClientNeverHeardOf() throws Exception {
        faults.setLostRunResponseRate(1);
        assertThatThrownBy(() -> client.submit(SimulatorClient.validInput())).isInstanceOf(IOException.class);

        assertThat(simulator.jobs()).singleElement()
                .satisfies(job -> assertThat(job.status()).isEqualTo("IN_QUEUE"));
        SimulatorStats stats = simulator.stats();
        assertThat(stats.lostRunResponses()).isEqualTo(1);
        assertThat(stats.runRequests()).isEqualTo(1);
        assertThat(stats.jobsCreated()).isEqualTo(1);

        faults.reset();
        String orphan = simulator.jobs().get(0).id();
        assertThat(client.status(orphan).get("status").stringValue()).isEqualTo("IN_QUEUE");
    }

    @Test
    void transientFailureEndsAJobFailedPartWay() throws Exception {
        faults.setTransientJobFailureRate(1);
        String id = client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);
        clock.setSeconds(810);
        JsonNode failed = client.status(id);
        assertThat(failed.get("status").stringValue()).isEqualTo("FAILED");
        assertThat(failed.get("error").stringValue()).isIn("CUDA not available", "worker exited unexpectedly");
        assertThat(failed.get("executionTime").longValue()).isBetween(1L, 749_999L);
        assertThat(simulator.stats().injectedJobFailures()).isEqualTo(1);
    }

    @Test
    void hangingJobEndsTimedOutAtItsExecutionTimeout() throws Exception {
        faults.setJobTimeoutRate(1);
        String id = client.submit(SimulatorClient.validInput(), ",\"policy\":{\"executionTimeout\":120000}");
        clock.setSeconds(179);
        assertThat(client.status(id).get("status").stringValue()).isEqualTo("IN_PROGRESS");
        clock.setSeconds(180);
        JsonNode timedOut = client.status(id);
        assertThat(timedOut.get("status").stringValue()).isEqualTo("TIMED_OUT");
        assertThat(timedOut.get("error").stringValue()).isEqualTo("job timed out after 1 retries");
        assertThat(timedOut.get("executionTime").longValue()).isEqualTo(120_000);
        assertThat(simulator.stats().injectedJobFailures()).isEqualTo(1);
    }

    @Test
    void unavailableAnswers503EverywhereButVideosAndResetRestoresService() throws Exception {
        String id = client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);
        clock.setSeconds(810);
        faults.setUnavailable(true);

        assertThat(client.get(client.jobPath("status/" + id)).statusCode()).isEqualTo(503);
        assertThat(client.post(client.jobPath("run"), "{\"input\":{}}").statusCode()).isEqualTo(503);
        assertThat(client.post("/graphql", "{\"query\":\"{ x }\"}").statusCode()).isEqualTo(503);
        assertThat(client.getBytes("/videos/" + id + ".mp4").statusCode()).isEqualTo(200);

        faults.reset();
        assertThat(client.get(client.jobPath("status/" + id)).statusCode()).isEqualTo(200);
        assertThat(faults.isUnavailable()).isFalse();
    }

    @Test
    void faultRatesMustBeProbabilities() {
        assertThatThrownBy(() -> faults.setHttp500Rate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.setJobTimeoutRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.setDropConnectionRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
