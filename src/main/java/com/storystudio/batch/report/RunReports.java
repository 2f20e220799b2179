package com.storystudio.batch.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.storystudio.batch.cost.ActiveWorkerCost;
import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.RunResultsCsv;
import com.storystudio.batch.job.SceneSources;
import com.storystudio.batch.result.ResultsCsvRow;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.worker.WorkerHold;
import com.storystudio.batch.worker.WorkerHolds;

/**
 * Gathers a {@link RunReport} from the database: the executions from Spring Batch's repository, a row per scene
 * as the results CSV has them, every remote job from the ledger, the worker's holds; the prompts from the input.
 */
@Component
public class RunReports {

    private static final Logger log = LoggerFactory.getLogger(RunReports.class);

    private final JobRepository jobRepository;
    private final RunResultsCsv resultsCsv;
    private final SceneSources sources;
    private final ReportQueries queries;
    private final WorkerHolds holds;
    private final GpuPrice price;
    private final Clock clock;

    public RunReports(JobRepository jobRepository, RunResultsCsv resultsCsv, SceneSources sources, ReportQueries queries,
                      WorkerHolds holds, GpuPrice price, Clock clock) {
        this.jobRepository = jobRepository;
        this.resultsCsv = resultsCsv;
        this.sources = sources;
        this.queries = queries;
        this.holds = holds;
        this.price = price;
        this.clock = clock;
    }

    /**
     * @param current      the execution now ending, as its listener holds it (the repository does not have its end yet);
     *                     null when none is
     * @param reportFolder where the report goes: downloaded videos are referred to relative to it
     */
    public RunReport gather(JobInstance instance, JobExecution current, Path reportFolder) {
        Instant now = clock.instant();
        List<JobExecution> executions = executionsOf(instance, current);
        RunParameters run = RunParameters.from(executions.get(executions.size() - 1).getJobParameters());
        long instanceId = instance.getInstanceId();
        Map<String, List<RunReport.Attempt>> attempts = queries.attempts(instanceId);
        Map<String, String> videoFiles = queries.videoFiles(instanceId);
        Map<String, String> prompts = prompts(run);
        List<RunReport.SceneLine> scenes = resultsCsv.rows(run, instanceId).stream()
                .map(row -> line(row, prompts.getOrDefault(row.sceneId(), ""), attempts.getOrDefault(row.sceneId(), List.of()),
                        videoPath(videoFiles.get(row.sceneId()), run.outputDir(), reportFolder)))
                .toList();
        List<RunReport.Execution> spans = executions.stream().map(RunReports::span).toList();
        List<RunReport.Hold> held = holds.ofInstance(instanceId).stream().map(hold -> hold(hold, spans, now)).toList();
        List<RunReport.Attempt> all = scenes.stream().flatMap(scene -> scene.attempts().stream()).toList();
        double scale = RemoteTimeScale.of(all);
        return new RunReport(run.input(), run.endpointId(), instanceId, now, spans, scenes, held, activeWorker(held, all, scale), price, scale);
    }

    /** Oldest first, the one ending as its listener sees it. */
    private List<JobExecution> executionsOf(JobInstance instance, JobExecution current) {
        List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(instance));
        if (current != null) {
            executions.removeIf(execution -> execution.getId() == current.getId());
            executions.add(current);
        }
        if (executions.isEmpty()) {
            throw new IllegalStateException("job instance " + instance.getInstanceId() + " has no execution");
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId));
        return executions;
    }

    private RunReport.SceneLine line(ResultsCsvRow row, String prompt, List<RunReport.Attempt> attempts, String videoFile) {
        Double gpuSeconds = attempts.stream().anyMatch(attempt -> attempt.executionMs() != null)
                ? attempts.stream().map(RunReport.Attempt::executionMs).filter(Objects::nonNull).mapToLong(Long::longValue).sum() / 1000.0
                : null;
        var cost = gpuSeconds == null ? null : price.dollars(gpuSeconds);
        if (row instanceof SceneResult result) {
            return new RunReport.SceneLine(result.position(), result.sceneId(), prompt, result.status(), result.reusedFrom(), result.attempts(),
                    result.error(), result.videoUrl(), videoFile, gpuSeconds, cost, attempts);
        }
        // Unfinished: what its last job said, if it ended without a video (a transient failure, before a retry).
        String error = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).error();
        return new RunReport.SceneLine(row.position(), row.sceneId(), prompt, row.status(), null, attempts.size(), error, null, videoFile,
                gpuSeconds, cost, attempts);
    }

    private Map<String, String> prompts(RunParameters run) {
        Map<String, String> prompts = new HashMap<>();
        try {
            sources.of(run).outlines().forEach(outline -> prompts.putIfAbsent(outline.sceneId(), outline.prompt()));
        }
        catch (IOException | RuntimeException e) {
            // The input moved or changed since: the report goes without prompts rather than not at all.
            log.warn("Cannot read the prompts of {} again ({}); the report shows none", run.input(), e.getMessage());
        }
        return prompts;
    }

    /** The downloaded file as a path from the report's folder, with forward slashes; null when there is none. */
    static String videoPath(String videoFile, Path outputDir, Path reportFolder) {
        if (videoFile == null || videoFile.isBlank()) {
            return null;
        }
        Path file = outputDir.toAbsolutePath().normalize().resolve(videoFile).normalize();
        Path relative = reportFolder.toAbsolutePath().normalize().relativize(file);
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static RunReport.Execution span(JobExecution execution) {
        return new RunReport.Execution(execution.getId(), execution.getStatus(), execution.getExitStatus().getExitCode(),
                instant(execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime()), instant(execution.getEndTime()));
    }

    /** A hold never handed back (its process died holding it) counts until its execution ended, or until now while it runs. */
    private static RunReport.Hold hold(WorkerHold hold, List<RunReport.Execution> executions, Instant now) {
        Instant to = hold.releasedAt().orElseGet(() -> executions.stream().filter(execution -> execution.id() == hold.jobExecutionId())
                .map(RunReport.Execution::end).filter(Objects::nonNull).findFirst().orElse(now));
        return new RunReport.Hold(hold.jobExecutionId(), hold.activeWorkers(), hold.heldFrom(), to.isBefore(hold.heldFrom()) ? hold.heldFrom() : to,
                hold.releasedAt().isPresent());
    }

    private ActiveWorkerCost activeWorker(List<RunReport.Hold> held, List<RunReport.Attempt> attempts, double scale) {
        if (held.isEmpty()) {
            return ActiveWorkerCost.none(price);
        }
        List<ActiveWorkerCost.Execution> executed = attempts.stream()
                .filter(attempt -> attempt.finishedAt() != null && attempt.executionMs() != null && attempt.from() != null)
                .map(attempt -> new ActiveWorkerCost.Execution(attempt.executingFrom(attempt.finishedAt()), attempt.finishedAt(),
                        attempt.executionMs() / 1000.0))
                .toList();
        return ActiveWorkerCost.of(held.stream().map(hold -> new ActiveWorkerCost.Hold(hold.from(), hold.to(), hold.workers())).toList(),
                executed, scale, price);
    }

    private static Instant instant(LocalDateTime time) {
        // Spring Batch keeps its times as the JVM's local date and time.
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
