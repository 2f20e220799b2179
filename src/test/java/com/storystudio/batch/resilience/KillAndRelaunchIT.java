package com.storystudio.batch.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.storystudio.batch.simulator.SimulatedJob;
import com.storystudio.batch.simulator.SimulatorStats;
import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.JobDatabase.SceneResultRow;
import com.storystudio.batch.testing.JobDatabase.SubmissionRow;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.PostgresPerClass;
import com.storystudio.batch.testing.SimulatedJobs;
import com.storystudio.batch.testing.StoryStudioProcess;

/**
 * kill -9 at the worst moments, then the same command again until it is done: a killed run is recovered and
 * continued by the next launch, finished scenes are not paid for again, an accepted job is re-attached, and a
 * {@code /run} whose answer was never read is resubmitted and counted as a possible duplicate.
 */
class KillAndRelaunchIT extends JarAgainstEmulator {

    @RegisterExtension
    static final PostgresPerClass postgres = new PostgresPerClass();

    private static final int SCENES = 40;
    private static final int KILLS = 10;
    /** Launches after the last kill before the test gives up: one should do. */
    private static final int RELAUNCHES = 3;
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);
    private static final int SIGKILLED = 128 + 9;
    private static final String IN_FLIGHT = "--max-in-flight=3";

    /** The fixed seeds, unless {@code -Dresilience.seed=N|random} chooses one (see {@link Seeds}). */
    static LongStream seeds() {
        return Seeds.chosenOr(1795661493379L, 42L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tenSigkillsAtChosenRequestsThenRelaunchesUntilEverySceneHasExactlyOneVideo(long seed) {
        killAndRelaunch(seed, SCENES, KILLS);
    }

    /**
     * The same on PostgreSQL, where a killed process's sessions end with it on the server instead of with the
     * file it served; half the scenes and kills, one seed, to keep the suite's time.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("postgresSeeds")
    void onPostgresFiveSigkillsThenRelaunchesUntilEverySceneHasExactlyOneVideo(long seed) {
        useDatabase(postgres.server().newJobDatabase());
        killAndRelaunch(seed, SCENES / 2, KILLS / 2);
    }

    static LongStream postgresSeeds() {
        return Seeds.chosenOr(42L);
    }

    private void killAndRelaunch(long seed, int scenes, int kills) {
        Random random = Seeds.announce("kill", KillAndRelaunchIT.class, seed);
        Path csv = Scenes.numbered(work.resolve("project"), "s", scenes).write("scenes.csv");
        int initialWorkersMin = remote.endpoint().workersMin();
        long startedAt = System.nanoTime();

        Map<Moment.Phase, Integer> killsByPhase = new EnumMap<>(Moment.Phase.class);
        Map<String, Long> runKillsByPrompt = new HashMap<>();
        List<String> killLog = new ArrayList<>();
        for (int kill = 1; kill <= kills; kill++) {
            // The enable mutation is sure to come in a fresh run, the restore mutation only once the scenes are done.
            Moment moment = kill == 1 ? Moment.enable()
                    : kill == kills ? Moment.restore()
                    : Moment.runOrStatus(random, remainingScenes(kill, scenes), kills - kill);
            ArmedLaunch launch = ArmedLaunch.at(traffic, moment, StoryStudioProcess::sigkill, () -> jar.run(csv, IN_FLIGHT));

            int exit = launch.process().waitFor(LAUNCH_TIMEOUT);

            assertThat(launch.trigger().fired()).as("kill %d at %s did not happen: %s", kill, moment, launch.process().describe()).isTrue();
            assertThat(exit).as(launch.process()::describe).isEqualTo(SIGKILLED);
            killsByPhase.merge(moment.phase(), 1, Integer::sum);
            String scene = launch.trigger().firedAt().flatMap(ObservedTraffic::sceneOf).orElse("-");
            if (moment.phase() == Moment.Phase.RUN) {
                runKillsByPrompt.merge(Scenes.prompt(scene), 1L, Long::sum);
            }
            killLog.add("%s (launch %d%s)".formatted(moment, launch.process().number(), moment.phase() == Moment.Phase.RUN ? ", scene " + scene : ""));
            System.out.printf("[kill] %d: %s%n", kill, killLog.get(killLog.size() - 1));
        }
        traffic.disarm();

        StoryStudioProcess last = null;
        for (int relaunch = 1; relaunch <= RELAUNCHES && (last == null || last.exitCode() != 0); relaunch++) {
            last = jar.run(csv, IN_FLIGHT);
            last.waitFor(LAUNCH_TIMEOUT);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - startedAt);

        JobDatabase database = jar.database();
        SimulatorStats stats = remote.stats();
        Map<String, Long> jobsPerPrompt = SimulatedJobs.countByPrompt(remote.jobs());
        long extraJobs = remote.jobs().size() - scenes;
        long possibleDuplicates = database.possibleDuplicates();
        new Figures("KillAndRelaunchIT: %d scenes, %d SIGKILLs, %s".formatted(scenes, kills, jar.database().url()))
                .add("seed", seed)
                .add("scenes", scenes)
                .add("kills by phase", killsByPhase)
                .add("kills", String.join("; ", killLog))
                .add("launches", jar.launches())
                .add("final exit code", last.exitCode())
                .add("/run calls", stats.runRequests())
                .add("jobs created", stats.jobsCreated())
                .add("extra jobs (created - scenes)", extraJobs)
                .add("possible duplicates (ledger)", possibleDuplicates)
                .add("final workersMin", remote.endpoint().workersMin() + " (started at " + initialWorkersMin + ")")
                .add("workersMin history", stats.workersMinHistory())
                .add("wall time", "%.1f s".formatted(wall.toMillis() / 1000.0))
                .print();

        assertThat(last.exitCode()).as(last::describe).isZero();
        assertThat(database.sceneResults()).hasSize(scenes).allSatisfy(Scenes::completedWithVideo)
                .extracting(SceneResultRow::sceneId).doesNotHaveDuplicates();
        assertThat(jobsPerPrompt).hasSize(scenes).allSatisfy((prompt, jobs) -> assertThat(jobs)
                .as("jobs for %s, killed %d time(s) at its /run", prompt, runKillsByPrompt.getOrDefault(prompt, 0L))
                .isLessThanOrEqualTo(1 + runKillsByPrompt.getOrDefault(prompt, 0L)));
        assertThat(possibleDuplicates).as("possible duplicates the ledger reports vs. extra jobs created").isGreaterThanOrEqualTo(extraJobs);
        assertThat(remote.endpoint().workersMin()).isEqualTo(initialWorkersMin);
        assertThat(database.jobExecutions()).extracting(JobDatabase.JobExecutionRow::status).doesNotContain("STARTING", "STARTED", "STOPPING");
    }

    @Test
    void anAcceptedJobIsReattachedAndARunWhoseAnswerWasNeverReadIsSubmittedAgainAsAPossibleDuplicate() {
        Path csv = Scenes.numbered(work.resolve("project"), "u", 3).write("unanswered.csv");
        // Two in flight: u01's /run is answered and recorded, u02's creates a job whose id the process never reads.
        ArmedLaunch killed = ArmedLaunch.of(traffic, 2, ObservedTraffic.route("RUN"), StoryStudioProcess::sigkill,
                () -> jar.run(csv, "--max-in-flight=2"));
        assertThat(killed.process().waitFor(LAUNCH_TIMEOUT)).as(killed.process()::describe).isEqualTo(SIGKILLED);
        String unanswered = killed.trigger().firedAt().flatMap(ObservedTraffic::sceneOf).orElseThrow();
        assertThat(unanswered).isEqualTo("u02");
        String accepted = remote.jobs().stream().filter(job -> SimulatedJobs.prompt(job).equals(Scenes.prompt("u01")))
                .map(SimulatedJob::id).findFirst().orElseThrow();

        assertThat(jar.database().submissions()).as("the ledger after a kill during the /run of u02, u01's job %s accepted", accepted)
                .extracting(SubmissionRow::sceneId, SubmissionRow::attempt, SubmissionRow::state, SubmissionRow::remoteJobId)
                .containsExactly(tuple("u01", 1, "SUBMITTED", accepted), tuple("u02", 1, "SUBMITTING", null));

        StoryStudioProcess relaunch = jar.run(csv, "--max-in-flight=2");
        assertThat(relaunch.waitFor(LAUNCH_TIMEOUT)).as(relaunch::describe).isZero();
        assertThat(SimulatedJobs.countByPrompt(remote.jobs())).containsOnly(
                entry(Scenes.prompt("u01"), 1L), entry(Scenes.prompt("u02"), 2L), entry(Scenes.prompt("u03"), 1L));
        assertThat(jar.database().sceneResults()).hasSize(3).allSatisfy(Scenes::completedWithVideo)
                .filteredOn(row -> row.sceneId().equals("u01")).singleElement()
                .satisfies(row -> assertThat(row.videoUrl()).contains(accepted));
        assertThat(jar.database().possibleDuplicates()).as("u02's unanswered /run").isEqualTo(1);
        assertThat(jar.database().jobExecutions()).extracting(JobDatabase.JobExecutionRow::status).doesNotContain("STARTING", "STARTED", "STOPPING");
    }

    /** Scenes the next launch has to submit; all of them before the first launch has created the database. */
    private int remainingScenes(int kill, int scenes) {
        if (kill == 1) {
            return scenes;
        }
        return scenes - Scenes.withJob(jar.database(), "s");
    }
}
