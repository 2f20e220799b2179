package com.storystudio.batch.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.storystudio.batch.ownership.ProcessIdentity;
import com.storystudio.batch.ownership.RunOwnerTable;
import com.storystudio.batch.ownership.RunOwnership;
import com.storystudio.batch.runpod.ApiKey;
import com.storystudio.batch.runpod.GraphQlWorkerControl;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RetryCurfew;
import com.storystudio.batch.runpod.RunPodHttp;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.runpod.WorkerSettings;
import com.storystudio.batch.simulator.EndpointConfig;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.DeadProcess;
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
    TailScaling tail;

    @Autowired
    WorkerControl control;

    @Autowired
    RunOwnerTable ownerTable;

    @Autowired
    JdbcTemplate jdbc;

    private final List<RunOwnership> owners = new ArrayList<>();

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
                "no-such-endpoint", Duration.ofSeconds(300), 2, Duration.ofMillis(10), new RetryCurfew(Clock.systemUTC()));

        refused.enable();

        assertThat(refused.restorePending()).isFalse();
    }

    @Test
    void ofTwoRunsSharingTheEndpointOnlyTheLastOneOutRestoresIt() {
        WorkerScaling nightly = anotherRun();
        WorkerScaling manual = anotherRun();

        nightly.enable();
        manual.enable();
        assertThat(nightly.restore()).isFalse();
        assertThat(simulator.endpoint().workersMin()).isEqualTo(1);
        assertThat(nightly.restorePending()).isFalse();

        assertThat(manual.restore()).isTrue();
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(0, 3, 45));
        // The endpoint never went back to 0 while a run was still using it.
        assertThat(simulator.stats().workersMinHistory()).endsWith(0, 1, 0);
    }

    @Test
    void theLeaseOfARunThatDiedIsReclaimedAndTheEndpointRestored() {
        scaling.enable();
        ProcessIdentity dead = DeadProcess.onThisHost();
        String deadOwner = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO run_owner (owner_id, host, pid, process_started_ms, started_at, heartbeat_at)
                VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", deadOwner, dead.host(), dead.pid(), dead.startedMs());
        jdbc.update("INSERT INTO worker_lease (endpoint_id, owner_id, acquired_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                simulator.endpointId(), deadOwner);

        assertThat(scaling.restore()).isTrue();

        assertThat(simulator.endpoint().workersMin()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM worker_lease", Integer.class)).isZero();
    }

    @Test
    void theOperatorsRestoreWorksWhateverRunsStillHoldLeases() {
        WorkerScaling running = anotherRun();
        running.enable();

        assertThat(scaling.sharingRuns()).hasSize(1);
        assertThat(scaling.restoreBaseline()).isTrue();

        assertThat(simulator.endpoint().workersMin()).isZero();
        assertThat(running.restore()).isFalse();
        assertThat(simulator.endpoint().workersMin()).isZero();
    }

    @Test
    void onceEverySceneIsSubmittedTheEndpointKeepsNoActiveWorkerAndAShortIdleTimeoutUntilTheRestore() {
        scaling.enable();

        tail.everySceneSubmitted();
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(0, 3, 5));

        tail.settle();
        assertThat(scaling.restore()).isTrue();
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(0, 3, 45));
        assertThat(simulator.stats().workersMinHistory()).endsWith(0, 1, 0);
    }

    @Test
    void theTailLeavesTheEndpointAloneWhileAnotherRunUsesIt() {
        WorkerScaling other = anotherRun();
        other.enable();
        scaling.enable();

        tail.everySceneSubmitted();

        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(1, 3, 300));
        assertThat(scaling.restore()).isFalse();
        assertThat(other.restore()).isTrue();
    }

    @Test
    void theTailLeavesAnEndpointWithItsOwnActiveWorkersAlone() {
        simulator.setEndpoint(new EndpointConfig(2, 3, 45));
        scaling.enable();

        tail.everySceneSubmitted();

        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(2, 3, 45));
    }

    /** A second process's view of the endpoint: its own run_owner row and lease. */
    private WorkerScaling anotherRun() {
        RunOwnership ownership = new RunOwnership(ownerTable, Duration.ofSeconds(10), Duration.ofSeconds(60));
        owners.add(ownership);
        return new WorkerScaling(control, baselines, new WorkerLeases(jdbc, transactionManager, ownership, Clock.systemUTC()),
                simulator.endpointId(), Duration.ofSeconds(300), 2, Duration.ofMillis(10), new RetryCurfew(Clock.systemUTC()));
    }

    @AfterEach
    void endOtherRuns() {
        owners.forEach(RunOwnership::close);
        jdbc.update("DELETE FROM worker_lease");
    }
}
