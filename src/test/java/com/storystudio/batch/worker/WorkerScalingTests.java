package com.storystudio.batch.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storystudio.batch.runpod.ApiKey;
import com.storystudio.batch.runpod.GraphQlWorkerControl;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodHttp;
import com.storystudio.batch.runpod.WorkerSettings;
import com.storystudio.batch.simulator.EndpointConfig;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.SimulatorTestConfiguration;

/** Enabling and restoring the active worker, with the baseline kept in the database in between. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:worker-scaling;DB_CLOSE_DELAY=-1")
@ActiveProfiles("functional")
@Import(SimulatorTestConfiguration.class)
class WorkerScalingTests {

    @Autowired
    RunPodSimulator simulator;

    @Autowired
    WorkerScaling scaling;

    @Autowired
    WorkerBaselineStore baselines;

    @Autowired
    RunPodHttp http;

    @Autowired
    WorkerLeases leases;

    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeEach
    void endpointAtRest() {
        simulator.faults().reset();
        baselines.delete(simulator.endpointId());
        simulator.setEndpoint(new EndpointConfig(0, 3, 45));
    }

    @Test
    void enableRemembersTheEndpointsScalingAndRestorePutsItBack() {
        scaling.enable();

        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(1, 3, 300));
        assertThat(baselines.find(simulator.endpointId())).contains(new WorkerSettings(0, 45));
        assertThat(scaling.restorePending()).isTrue();

        assertThat(scaling.restore()).isTrue();

        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(0, 3, 45));
        assertThat(baselines.find(simulator.endpointId())).isEmpty();
        assertThat(scaling.restore()).isFalse();
    }

    @Test
    void theBaselineIsCommittedBeforeTheScalingCallNotWithTheStepThatEnables() {
        // The enableWorker step runs in a transaction that commits after the call; a crash in
        // between rolls it back. The baseline must outlive that rollback.
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            scaling.enable();
            status.setRollbackOnly();
        });

        assertThat(simulator.endpoint().workersMin()).isEqualTo(1);
        assertThat(baselines.find(simulator.endpointId())).contains(new WorkerSettings(0, 45));
        assertThat(scaling.restore()).isTrue();
    }

    @Test
    void afterACrashTheBaselineFromBeforeTheFirstChangeIsRestoredNotOurOwnChange() {
        scaling.enable();
        // The run dies here; the next one finds the endpoint at workersMin 1 and must not take that for the baseline.
        scaling.enable();
        scaling.restore();

        assertThat(simulator.endpoint().workersMin()).isZero();
        assertThat(simulator.endpoint().idleTimeoutSeconds()).isEqualTo(45);
    }

    @Test
    void anEndpointThatAlreadyKeepsActiveWorkersIsLeftAlone() {
        simulator.setEndpoint(new EndpointConfig(2, 3, 45));
        int changesBefore = simulator.stats().workersMinHistory().size();

        scaling.enable();
        scaling.restore();

        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(2, 3, 45));
        assertThat(simulator.stats().workersMinHistory()).hasSize(changesBefore);
        assertThat(scaling.restorePending()).isFalse();
    }

    @Test
    void aRestoreThatKeepsFailingIsReportedAndKeptForTheNextLaunch() {
        scaling.enable();
        simulator.faults().setUnavailable(true);

        assertThatThrownBy(scaling::restore).isInstanceOf(WorkerRestoreException.class)
                .hasMessageContaining("workersMin=0").hasMessageContaining("may still be running and billing");
        assertThat(scaling.restorePending()).isTrue();

        simulator.faults().setUnavailable(false);
        assertThat(scaling.restore()).isTrue();
        assertThat(simulator.endpoint().workersMin()).isZero();
    }

    @Test
    void anEnableRunPodRefusesLeavesNothingToRestore() {
        RunPodConnection wrongEndpoint = new RunPodConnection(simulator.baseUrl(), simulator.baseUrl(), "no-such-endpoint",
                new ApiKey(simulator.apiKey()));
        WorkerScaling refused = new WorkerScaling(new GraphQlWorkerControl(wrongEndpoint, http), baselines, leases,
                "no-such-endpoint", Duration.ofSeconds(300), 2, Duration.ofMillis(10));

        refused.enable();

        assertThat(refused.restorePending()).isFalse();
    }
}
