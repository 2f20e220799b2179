package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.simulator.SimulatedJob;
import com.storystudio.batch.simulator.SimulatorFaults;
import com.storystudio.batch.simulator.SimulatorStats;
import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.JobDatabase.SubmissionRow;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.StoryStudioProcess;

/**
 * One launch of 40 scenes through an endpoint that fails in every way it can at once: 500s, 429s, dropped
 * connections, {@code /run} answers lost after the job was created, and jobs that fail part-way. Every scene
 * must end with its video, and every remote job the ledger cannot name must be one it owned up to as a
 * possible duplicate.
 */
class FaultMixIT extends JarAgainstEmulator {

    private static final int SCENES = 40;
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void everySceneCompletesAndEveryJobTheLedgerCannotNameIsCountedAsAPossibleDuplicate() {
        SimulatorFaults faults = remote.faults();
        faults.setHttp500Rate(0.10);
        faults.setHttp429Rate(0.05);
        faults.setRetryAfterSeconds(0);
        faults.setDropConnectionRate(0.03);
        faults.setLostRunResponseRate(0.03);
        faults.setTransientJobFailureRate(0.05);
        Path csv = Scenes.numbered(work.resolve("project"), "f", SCENES).write("faulty.csv");

        long startedAt = System.nanoTime();
        StoryStudioProcess launch = jar.run(csv, "--max-in-flight=3", "--runpod.http.max-retries=8");
        int exit = launch.waitFor(LAUNCH_TIMEOUT);
        Duration wall = Duration.ofNanos(System.nanoTime() - startedAt);

        JobDatabase database = jar.database();
        Set<String> ledgerJobIds = database.submissions().stream().map(SubmissionRow::remoteJobId)
                .filter(id -> id != null).collect(Collectors.toSet());
        long jobsTheLedgerCannotName = remote.jobs().stream().map(SimulatedJob::id).filter(id -> !ledgerJobIds.contains(id)).count();
        long possibleDuplicates = database.possibleDuplicates();
        SimulatorStats stats = remote.stats();
        new Figures("FaultMixIT: %d scenes through a faulty endpoint".formatted(SCENES))
                .add("exit code", exit)
                .add("/run calls", stats.runRequests())
                .add("jobs created", stats.jobsCreated())
                .add("jobs in the ledger", ledgerJobIds.size())
                .add("jobs the ledger cannot name", jobsTheLedgerCannotName)
                .add("possible duplicates (ledger)", possibleDuplicates)
                .add("injected 500 / 429", stats.injectedHttp500() + " / " + stats.injectedHttp429())
                .add("dropped connections", stats.droppedConnections())
                .add("lost /run answers", stats.lostRunResponses())
                .add("failed jobs (transient)", stats.injectedJobFailures())
                .add("final workersMin", remote.endpoint().workersMin())
                .add("wall time", "%.1f s".formatted(wall.toMillis() / 1000.0))
                .print();

        assertThat(exit).as(launch::describe).isZero();
        assertThat(database.sceneResults()).hasSize(SCENES).allSatisfy(Scenes::completedWithVideo);
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).hasSize(SCENES);
        assertThat(jobsTheLedgerCannotName).as("jobs the ledger cannot name vs. possible duplicates it reports")
                .isLessThanOrEqualTo(possibleDuplicates);
        assertThat(remote.endpoint().workersMin()).isZero();
    }
}
