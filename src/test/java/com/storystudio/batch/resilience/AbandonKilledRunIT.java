package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.StoryStudioProcess;

/**
 * A run killed with kill -9, then abandoned by the on-call command as the jar runs it: the execution the kill left
 * STARTED is recovered and ABANDONED, and the next launch starts over as a new job instance that pays again only for
 * the scenes that had no video yet.
 */
class AbandonKilledRunIT extends JarAgainstEmulator {

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);
    private static final int SIGKILLED = 128 + 9;

    @Test
    void aKilledRunIsRecoveredAndAbandonedAndTheNextLaunchStartsOverReusingItsVideos() {
        Path csv = Scenes.numbered(work.resolve("project"), "k", 4).write("killed.csv");
        int initialWorkersMin = remote.endpoint().workersMin();
        // Two in flight: the third /run comes once a scene has its video.
        ArmedLaunch killed = ArmedLaunch.of(traffic, 3, ObservedTraffic.route("RUN"), StoryStudioProcess::sigkill,
                () -> jar.run(csv, "--max-in-flight=2"));
        assertThat(killed.process().waitFor(LAUNCH_TIMEOUT)).as(killed.process()::describe).isEqualTo(SIGKILLED);
        assertThat(jar.database().lastJobExecution().status()).isEqualTo("STARTED");
        Set<String> paidBeforeTheKill = jar.database().submissions().stream().filter(row -> row.state().equals("COMPLETED"))
                .map(JobDatabase.SubmissionRow::sceneId).collect(Collectors.toSet());
        assertThat(paidBeforeTheKill).isNotEmpty();

        StoryStudioProcess listed = jar.start(List.of("list"));
        assertThat(listed.waitFor(LAUNCH_TIMEOUT)).as(listed::describe).isZero();
        assertThat(listed.output()).containsPattern("(?m)^ *1 +STARTED ");

        StoryStudioProcess abandon = jar.start(List.of("abandon", csv.toString()));
        assertThat(abandon.waitFor(LAUNCH_TIMEOUT)).as(abandon::describe).isZero();
        assertThat(abandon.output()).contains("was left running by a process that is gone: recovered and ABANDONED");
        assertThat(jar.database().jobExecutions()).extracting(JobDatabase.JobExecutionRow::status).containsExactly("ABANDONED");

        StoryStudioProcess relaunch = jar.run(csv, "--max-in-flight=2");
        assertThat(relaunch.waitFor(LAUNCH_TIMEOUT)).as(relaunch::describe).isZero();

        List<JobDatabase.JobExecutionRow> executions = jar.database().jobExecutions();
        assertThat(executions).extracting(JobDatabase.JobExecutionRow::status).containsExactly("ABANDONED", "COMPLETED");
        long startedOver = executions.get(1).jobInstanceId();
        assertThat(startedOver).as("a job instance of its own").isNotEqualTo(executions.get(0).jobInstanceId());
        assertThat(jar.database().sceneResults()).filteredOn(row -> row.jobInstanceId() == startedOver).hasSize(4)
                .allSatisfy(Scenes::completedWithVideo);
        Map<String, Long> jobsPerPrompt = SimulatedJobs.countByPrompt(remote.jobs());
        paidBeforeTheKill.forEach(scene -> assertThat(jobsPerPrompt.get(Scenes.prompt(scene))).as("jobs for %s, done before the kill", scene)
                .isEqualTo(1L));
        assertThat(remote.endpoint().workersMin()).as("the killed run's worker put back").isEqualTo(initialWorkersMin);
    }
}
