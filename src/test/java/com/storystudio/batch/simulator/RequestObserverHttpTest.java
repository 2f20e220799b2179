package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request observer: called once the answer is decided and before the client gets it. */
class RequestObserverHttpTest {

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
    void aRunIsObservedAfterItsJobExistsAndBeforeTheClientHasTheAnswer() throws Exception {
        CountDownLatch observed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<ObservedRequest> seen = new CopyOnWriteArrayList<>();
        List<Integer> jobsWhenObserved = new CopyOnWriteArrayList<>();
        simulator.observe(request -> {
            seen.add(request);
            jobsWhenObserved.add(simulator.jobs().size());
            observed.countDown();
            await(release);
        });

        CompletableFuture<String> jobId = CompletableFuture.supplyAsync(() -> {
            try {
                return client.submit(SimulatorClient.validInput());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(observed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(jobId).isNotDone();
        release.countDown();

        String id = jobId.get(5, TimeUnit.SECONDS);
        assertThat(jobsWhenObserved).containsExactly(1);
        assertThat(simulator.jobs()).singleElement().satisfies(job -> assertThat(job.id()).isEqualTo(id));
        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(client.jobPath("run"));
            assertThat(request.route()).isEqualTo("RUN");
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.body()).contains("Person speaking naturally");
        });
    }

    @Test
    void everyRouteIsObservedWithTheStatusAboutToBeSent() throws Exception {
        List<ObservedRequest> seen = new CopyOnWriteArrayList<>();
        simulator.observe(seen::add);

        client.status("no-such-job");
        client.graphql("mutation { updateEndpoint(input: { id: \"sim-endpoint\", workersMin: 1 }) { id } }", null);
        simulator.faults().setHttp500Rate(1);
        client.post(client.jobPath("run"), "{\"input\":" + SimulatorClient.validInput() + "}");
        simulator.faults().reset();
        simulator.faults().setDropConnectionRate(1);
        assertThatThrownBy(() -> client.post(client.jobPath("run"), "{}")).isInstanceOf(IOException.class);

        assertThat(seen).extracting(ObservedRequest::route).startsWith("STATUS", "GRAPHQL", "RUN", "RUN");
        assertThat(seen.get(0).status()).isEqualTo(404);
        assertThat(seen.get(1).status()).isEqualTo(200);
        assertThat(seen.get(1).body()).contains("workersMin: 1");
        // Refused by the fault before the body was read: nothing to show, nothing created.
        assertThat(seen.get(2).status()).isEqualTo(500);
        assertThat(seen.get(2).body()).isEmpty();
        assertThat(seen.get(3).dropped()).isTrue();
        assertThat(simulator.jobs()).isEmpty();
    }

    @Test
    void aFailingObserverDoesNotCostTheClientItsAnswer() throws Exception {
        simulator.observe(request -> {
            throw new IllegalStateException("observer broke");
        });

        HttpResponse<String> health = client.get(client.jobPath("health"));

        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void aNewObserverReplacesTheOldOne() throws Exception {
        List<ObservedRequest> first = new CopyOnWriteArrayList<>();
        List<ObservedRequest> second = new CopyOnWriteArrayList<>();
        simulator.observe(first::add);
        client.get(client.jobPath("health"));

        simulator.observe(second::add);
        client.get(client.jobPath("health"));
        simulator.observe(null);
        client.get(client.jobPath("health"));

        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
