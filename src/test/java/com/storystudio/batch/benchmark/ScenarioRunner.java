package com.storystudio.batch.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.storystudio.batch.StoryStudioApplication;
import com.storystudio.batch.job.StoryStudioJobConfiguration;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatedJob;
import com.storystudio.batch.simulator.SimulatorStats;
import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.MediaFixtures;
import com.storystudio.batch.testing.Storyboard;

/**
 * Runs one scenario: a fresh emulator, a storyboard of distinct scenes, the real application in this
 * JVM with the jar's arguments, then reads what the emulator and the job database recorded.
 */
final class ScenarioRunner {

    private final HeapPeak heap = new HeapPeak();
    private final WorkerRelease release = new WorkerRelease();
    private final List<String> extraArguments;

    /** @param extraArguments given to every measured run, e.g. {@code --download} */
    ScenarioRunner(List<String> extraArguments) {
        this.extraArguments = List.copyOf(extraArguments);
    }

    /** @param csv the scenario's storyboard ({@link #storyboard}) */
    Measurements run(Scenario scenario, Path csv, Path work) throws IOException, InterruptedException {
        LaunchArguments launch = new LaunchArguments(scenario.emulator().timeScale());
        JobDatabase database = JobDatabase.in(work);
        heap.reset();
        try (RunPodSimulator emulator = RunPodSimulator.start(scenario.emulator())) {
            // The same scenes with their audio served by this emulator, for a scenario that gives it as URLs.
            Path input = scenario.audioAtUrls() ? storyboard(work.resolve("project-urls"), scenario, "s", emulator) : csv;
            List<String> launchArguments = new ArrayList<>(launch.forRun(input, work, emulator, scenario.maxInFlight()));
            if (scenario.download() && !extraArguments.contains(BenchmarkOptions.DOWNLOAD)) {
                launchArguments.add(BenchmarkOptions.DOWNLOAD);
            }
            launchArguments.addAll(extraArguments);
            String[] arguments = launchArguments.toArray(String[]::new);
            long started = System.nanoTime();
            long cpuStarted = ProcessCpu.nanos();
            ConfigurableApplicationContext context = StoryStudioApplication.application(arguments).run(arguments);
            int exitCode = SpringApplication.exit(context);
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (ProcessCpu.nanos() - cpuStarted) / 1e9;
            // Before WorkerRelease adds /health calls of its own.
            SimulatorStats requests = emulator.stats();
            if (exitCode != 0) {
                throw new IllegalStateException("scenario %s: the application exited %d; see %s".formatted(scenario.name(),
                        exitCode, LaunchArguments.log(work)));
            }
            requireEveryVideo(scenario, database);
            release.await(emulator);
            SimulatorStats billing = emulator.stats();
            ClockMapping clocks = ClockMapping.of(emulator, scenario.emulator().timeScale());
            List<SimulatedJob> jobs = emulator.jobs();
            long peakHeap = heap.peakBytes();

            Instant firstRun = jobs.stream().map(SimulatedJob::submittedAt).min(Instant::compareTo).orElseThrow();
            Instant lastRecorded = clocks.toSimulated(lastResultRecorded(database));
            return new Measurements(scenario.scenes(), scenario.workers(), scenario.maxInFlight(), requests.jobsCreated(),
                    seconds(scenario.emulator().workerStartup()), billing.executionSeconds(),
                    seconds(Duration.between(firstRun, lastRecorded)),
                    GreedyExpectation.replay(executions(jobs), scenario.workers(), seconds(scenario.emulator().workerStartup())),
                    generations(jobs), completionDelays(database, jobs, clocks),
                    seconds(launch.simulatedPollInterval()), requests.statusRequests(), requests.healthRequests(),
                    billing.billedWorkerSeconds(), billing.idleWorkerSeconds(), wallSeconds, cpuSeconds, peakHeap,
                    resultChunks(database));
        }
    }

    /**
     * Distinct prompts and media per scene, so that the app's content-based reuse skips none; each WAV as long
     * as the scenario drew, or tiny when it draws none. Scene ids start with {@code prefix}, so that two
     * storyboards' scenes differ too. Audio is given as local files, even where the scenario asks for URLs.
     */
    static Path storyboard(Path folder, Scenario scenario, String prefix) {
        return storyboard(folder, scenario, prefix, null);
    }

    /** As above, the audio served by {@code emulator} when the scenario asks for URLs. */
    private static Path storyboard(Path folder, Scenario scenario, String prefix, RunPodSimulator emulator) {
        Storyboard storyboard = Storyboard.in(folder);
        List<Duration> lengths = scenario.audioLengths();
        for (int i = 1; i <= scenario.scenes(); i++) {
            String sceneId = "%s%05d".formatted(prefix, i);
            if (lengths.isEmpty()) {
                storyboard.localScene(sceneId);
            }
            else if (scenario.audioAtUrls() && emulator != null) {
                // The very WAV localScene would write, so the two scenarios differ only in how the audio is given.
                storyboard.sceneWithAudioUrl(sceneId, emulator.serveMedia(sceneId + ".wav",
                        MediaFixtures.speechWav(lengths.get(i - 1), sceneId.hashCode())));
            }
            else {
                storyboard.localScene(sceneId, lengths.get(i - 1));
            }
        }
        return storyboard.write("scenes.csv");
    }

    private static void requireEveryVideo(Scenario scenario, JobDatabase database) {
        List<JobDatabase.SceneResultRow> results = database.sceneResults();
        long withVideo = results.stream()
                .filter(row -> row.status().equals("COMPLETED") && row.videoUrl() != null && !row.videoUrl().isBlank()).count();
        if (results.size() != scenario.scenes() || withVideo != scenario.scenes()) {
            throw new IllegalStateException("scenario %s: %d of %d scenes have a video (%d results recorded)"
                    .formatted(scenario.name(), withVideo, scenario.scenes(), results.size()));
        }
    }

    private static long resultChunks(JobDatabase database) {
        return database.query("SELECT SUM(commit_count) FROM batch_step_execution WHERE step_name = ?", rs -> rs.getLong(1),
                StoryStudioJobConfiguration.GENERATE_STEP).get(0);
    }

    private static Instant lastResultRecorded(JobDatabase database) {
        return database.query("SELECT MAX(recorded_at) FROM scene_result",
                rs -> rs.getObject(1, OffsetDateTime.class).toInstant()).get(0);
    }

    /** Per COMPLETED ledger row: its job's end on the emulator to the moment the app wrote COMPLETED. */
    private static List<Double> completionDelays(JobDatabase database, List<SimulatedJob> jobs, ClockMapping clocks) {
        Map<String, SimulatedJob> byId = jobs.stream().collect(Collectors.toMap(SimulatedJob::id, Function.identity()));
        List<Double> delays = new ArrayList<>();
        for (Recorded recorded : database.query("SELECT remote_job_id, finished_at FROM scene_submission WHERE state = 'COMPLETED'",
                rs -> new Recorded(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))) {
            SimulatedJob job = byId.get(recorded.remoteJobId());
            if (job != null && job.finishedAt() != null) {
                delays.add(seconds(Duration.between(job.finishedAt(), clocks.toSimulated(recorded.at()))));
            }
        }
        return delays;
    }

    /** The jobs' execution times, in the order they started. */
    private static List<Double> executions(List<SimulatedJob> jobs) {
        return jobs.stream().filter(job -> job.startedAt() != null && job.finishedAt() != null)
                .sorted(java.util.Comparator.comparing(SimulatedJob::startedAt))
                .map(job -> seconds(Duration.between(job.startedAt(), job.finishedAt()))).toList();
    }

    /**
     * The completed jobs' execution times without their model load (the emulator records it per job): what
     * the audio length and the emulator's spread made each take.
     */
    private static List<Double> generations(List<SimulatedJob> jobs) {
        return jobs.stream().filter(job -> job.status().equals("COMPLETED"))
                .map(job -> seconds(Duration.between(job.startedAt(), job.finishedAt()).minus(job.modelLoad()))).toList();
    }

    /** A ledger row's job and the (real) time the app saw it COMPLETED. */
    private record Recorded(String remoteJobId, Instant at) {
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
