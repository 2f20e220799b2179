package com.storystudio.batch.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import com.storystudio.batch.runpod.ApiKey;
import com.storystudio.batch.runpod.GraphQlWorkerControl;
import com.storystudio.batch.runpod.RetryCurfew;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodHttp;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.runpod.WorkerSettings;
import com.storystudio.batch.simulator.EndpointConfig;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.RecordingServer;
import com.storystudio.batch.testing.RecordingServer.Answer;
import com.storystudio.batch.testing.SimulatorTestConfiguration;

/**
 * When RunPod cannot be read, refuses the key, or cannot be reached: the run never restores a value it
 * did not read, never reports as left changed an endpoint it did not change, and a stop's curfew bounds
 * the restore. Against the emulator made unavailable, a closed port and a scripted 127.0.0.1 server.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:worker-failures;DB_CLOSE_DELAY=-1")
@ActiveProfiles("functional")
@Import(SimulatorTestConfiguration.class)
class WorkerScalingFailuresTests {

    private static final String ENDPOINT = "ep-scripted";
    private static final String ENDPOINT_AT_REST = "{\"data\":{\"endpoint\":{\"id\":\"ep-scripted\",\"workersMin\":0,\"idleTimeout\":45}}}";

    @Autowired
    RunPodSimulator simulator;

    @Autowired
    WorkerControl control;

    @Autowired
    WorkerBaselineStore baselines;

    @Autowired
    WorkerLeases leases;

    @Autowired
    RunPodHttp http;

    private RecordingServer server;

    @BeforeEach
    void endpointAtRest() {
        simulator.faults().reset();
        baselines.delete(simulator.endpointId());
        baselines.delete(ENDPOINT);
        simulator.setEndpoint(new EndpointConfig(0, 3, 45));
    }

    @AfterEach
    void stopServer() {
        simulator.faults().reset();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aScalingThatCannotBeReadIsLeftAloneWithNothingSavedToRestore() {
        WorkerScaling scaling = scalingOfTheEmulator(new RetryCurfew(Clock.systemUTC()));
        int changesBefore = simulator.stats().workersMinHistory().size();
        simulator.faults().setUnavailable(true);

        scaling.enable();

        simulator.faults().setUnavailable(false);
        assertThat(baselines.find(simulator.endpointId())).as("no guessed baseline").isEmpty();
        assertThat(simulator.stats().workersMinHistory()).as("no change sent").hasSize(changesBefore);
        assertThat(scaling.restorePending()).isFalse();
        assertThat(scaling.mayLeaveChange()).isFalse();
        assertThat(scaling.restore()).isFalse();
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(0, 3, 45));
    }

    @Test
    void anEndpointAnsweredWithoutItsWorkersMinIsReadAgainAFewTimesThenLeftAlone() {
        server = RecordingServer.start().answer("/graphql", Answer.json(200, "{\"data\":{\"endpoint\":{\"id\":\"ep-scripted\"}}}"));
        WorkerScaling scaling = scalingOf(server.baseUrl(), new RetryCurfew(Clock.systemUTC()));

        scaling.enable();

        List<RecordingServer.Request> calls = server.requests();
        assertThat(calls).hasSize(3).noneMatch(request -> request.body().contains("updateEndpoint"));
        assertThat(baselines.find(ENDPOINT)).isEmpty();
        assertThat(scaling.restorePending()).isFalse();
    }

    @Test
    void anEnableThatNeverReachedRunPodLeavesNoBaselineAndNothingToReportAsNotRestored() {
        // The read answers; every try of the change is refused with 503, so none of them was applied.
        server = RecordingServer.start().answer("/graphql", Answer.json(200, ENDPOINT_AT_REST),
                Answer.json(503, "{\"error\":\"unavailable\"}"));
        WorkerScaling scaling = scalingOf(server.baseUrl(), new RetryCurfew(Clock.systemUTC()));

        scaling.enable();

        assertThat(server.requests()).as("the read and the change's tries").hasSizeGreaterThan(2)
                .anyMatch(request -> request.body().contains("updateEndpoint"));
        assertThat(baselines.find(ENDPOINT)).isEmpty();
        assertThat(scaling.restorePending()).isFalse();
        assertThat(scaling.mayLeaveChange()).isFalse();
        assertThat(scaling.restore()).isFalse();
    }

    @Test
    void anEndpointBehindAClosedPortIsNeitherChangedNorReportedAsLeftChanged() throws IOException {
        WorkerScaling scaling = scalingOf(closedPort(), new RetryCurfew(Clock.systemUTC()));

        scaling.enable();

        assertThat(baselines.find(ENDPOINT)).isEmpty();
        assertThat(scaling.restorePending()).isFalse();
        assertThat(scaling.restore()).isFalse();
    }

    @Test
    void aRefusedKeyWhileReadingEndsTheEnableWithNothingSaved() {
        server = RecordingServer.start().answer("/graphql", Answer.json(401, "{\"error\":\"Unauthorized\"}"));
        WorkerScaling scaling = scalingOf(server.baseUrl(), new RetryCurfew(Clock.systemUTC()));

        assertThatThrownBy(scaling::enable).isInstanceOf(RunPodConfigurationException.class);

        assertThat(server.requests()).as("a refused key is not asked again").hasSize(1);
        assertThat(baselines.find(ENDPOINT)).isEmpty();
        assertThat(scaling.restorePending()).isFalse();
    }

    @Test
    void aRefusedKeyWhileApplyingEndsTheEnableAndDropsTheBaselineItHadSaved() {
        server = RecordingServer.start().answer("/graphql", Answer.json(200, ENDPOINT_AT_REST),
                Answer.json(403, "{\"error\":\"Forbidden\"}"));
        WorkerScaling scaling = scalingOf(server.baseUrl(), new RetryCurfew(Clock.systemUTC()));

        assertThatThrownBy(scaling::enable).isInstanceOf(RunPodConfigurationException.class);

        assertThat(server.requests()).hasSize(2);
        assertThat(baselines.find(ENDPOINT)).isEmpty();
        assertThat(scaling.restorePending()).isFalse();
    }

    @Test
    void aRestoreStopsTryingAtTheCurfewAndKeepsTheBaselineForTheNextLaunch() {
        RetryCurfew curfew = new RetryCurfew(Clock.systemUTC());
        WorkerScaling scaling = new WorkerScaling(control, baselines, leases, simulator.endpointId(), Duration.ofSeconds(300), 5,
                Duration.ofSeconds(30), curfew);
        scaling.enable();
        simulator.faults().setUnavailable(true);
        // A stop: the next wait between attempts (30 s) would end after the curfew.
        curfew.at(Instant.now().plusSeconds(20));

        assertThatThrownBy(scaling::restore).isInstanceOf(WorkerRestoreException.class)
                .hasMessageContaining("left time for 1 of 5 attempt(s)").hasMessageContaining("may still be running and billing");

        simulator.faults().setUnavailable(false);
        assertThat(baselines.find(simulator.endpointId())).contains(new WorkerSettings(0, 45));
        assertThat(scaling.restorePending()).isTrue();
        assertThat(scaling.mayLeaveChange()).isTrue();
        assertThat(simulator.endpoint().workersMin()).isEqualTo(1);
    }

    @Test
    void aRestoreAfterTheCurfewSendsNothingAndSaysTheChangeIsLeft() {
        RetryCurfew curfew = new RetryCurfew(Clock.systemUTC());
        WorkerScaling scaling = scalingOfTheEmulator(curfew);
        scaling.enable();
        int changesBefore = simulator.stats().workersMinHistory().size();
        curfew.at(Instant.now().minusSeconds(1));

        assertThatThrownBy(scaling::restore).isInstanceOf(WorkerRestoreException.class)
                .hasMessageContaining("left time for 0 of 3 attempt(s)");

        assertThat(simulator.stats().workersMinHistory()).hasSize(changesBefore);
        assertThat(scaling.restorePending()).isTrue();

        // The next launch, with no stop under way, puts it back.
        assertThat(scalingOfTheEmulator(new RetryCurfew(Clock.systemUTC())).restore()).isTrue();
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(0, 3, 45));
    }

    private WorkerScaling scalingOfTheEmulator(RetryCurfew curfew) {
        return new WorkerScaling(control, baselines, leases, simulator.endpointId(), Duration.ofSeconds(300), 3, Duration.ofMillis(10),
                curfew);
    }

    private WorkerScaling scalingOf(URI baseUrl, RetryCurfew curfew) {
        RunPodConnection connection = new RunPodConnection(baseUrl, baseUrl, ENDPOINT, new ApiKey("test-key"));
        return new WorkerScaling(new GraphQlWorkerControl(connection, http), baselines, leases, ENDPOINT, Duration.ofSeconds(300), 3,
                Duration.ofMillis(10), curfew);
    }

    /** A port on 127.0.0.1 that was bound and closed: every connection is refused. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
