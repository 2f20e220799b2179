package com.storystudio.batch.summary;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.job.CheckScenesTasklet;
import com.storystudio.batch.job.RunOutcome;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.SceneSources;
import com.storystudio.batch.ledger.LedgerTotals;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.scene.SceneValidationException;
import com.storystudio.batch.worker.WorkerScaling;

/** Builds the end-of-run summary from how the run ended and what the results table and the ledger hold. */
@Component
public class RunSummaries {

    private final SceneResultRepository results;
    private final SubmissionLedger ledger;
    private final WorkerScaling scaling;
    private final ObjectProvider<SummaryNote> notes;
    private final GpuPrice price;
    private final SceneSources sources;

    public RunSummaries(SceneResultRepository results, SubmissionLedger ledger, WorkerScaling scaling, ObjectProvider<SummaryNote> notes,
                        GpuPrice price, SceneSources sources) {
        this.results = results;
        this.ledger = ledger;
        this.scaling = scaling;
        this.notes = notes;
        this.price = price;
        this.sources = sources;
    }

    /**
     * The summary of an execution that ran, from the {@link RunOutcome} stored on it.
     *
     * @param took the launch's wall time, the worker's restore after the job's end included
     */
    public RunSummary of(RunParameters run, JobExecution execution, Duration took) {
        RunOutcome outcome = RunOutcome.of(execution);
        long instanceId = execution.getJobInstance().getInstanceId();
        List<SceneResult> recorded = results.findAll(instanceId);
        List<SceneValidationException> invalid = execution.getAllFailureExceptions().stream()
                .filter(SceneValidationException.class::isInstance).map(SceneValidationException.class::cast).toList();
        List<String> errors = new ArrayList<>();
        invalid.forEach(e -> e.problems().forEach(problem -> errors.add(problem.describe())));
        if (outcome == RunOutcome.UNFINISHED || outcome == RunOutcome.WORKER_NOT_RESTORED || outcome == RunOutcome.MISCONFIGURED) {
            execution.getAllFailureExceptions().stream().map(RunSummaries::reason).distinct()
                    .forEach(message -> errors.add("storystudio: " + message));
        }
        String headline = !invalid.isEmpty()
                ? "input rejected: %d problem(s), nothing was submitted".formatted(invalid.stream().mapToInt(e -> e.problems().size()).sum())
                : outcome == RunOutcome.MISCONFIGURED ? "run stopped: RunPod refused the run's settings; nothing more was sent"
                : outcome == RunOutcome.SCENES_FAILED ? "run finished: every scene ended, some of them FAILED"
                : "run %s".formatted(execution.getStatus());
        LedgerTotals totals = ledger.totals(instanceId);
        List<RunSummary.Note> lines = notes.orderedStream()
                .flatMap(note -> note.text().map(text -> new RunSummary.Note(note.label(), text)).stream()).toList();
        return new RunSummary(headline, run.input(), instanceId, execution.getId(),
                execution.getExecutionContext().getInt(CheckScenesTasklet.SCENE_COUNT, recorded.size()), withVideo(recorded),
                reused(recorded), failed(run, recorded), totals.submissions(),
                totals.possibleDuplicates(), totals.expired(), spending(totals), outcome != RunOutcome.WORKER_NOT_RESTORED,
                invalid.isEmpty() ? run.resultsCsv().path() : null,
                took, lines, errors);
    }

    /** The summary of an input whose every scene had its video already: nothing ran. */
    public RunSummary alreadyDone(RunParameters run, JobInstance instance, JobExecution last) {
        List<SceneResult> recorded = results.findAll(instance.getInstanceId());
        LedgerTotals totals = ledger.totals(instance.getInstanceId());
        return new RunSummary("already done: every scene of this input has its video; nothing was submitted", run.input(),
                instance.getInstanceId(), last == null ? null : last.getId(), recorded.size(), withVideo(recorded), reused(recorded),
                List.of(), totals.submissions(), totals.possibleDuplicates(), totals.expired(), spending(totals), !scaling.restorePending(),
                run.resultsCsv().path(), null,
                List.of(), List.of());
    }

    /** The FAILED scenes with the input's line of each, read from the input without its media. */
    private List<RunSummary.FailedScene> failed(RunParameters run, List<SceneResult> recorded) {
        List<SceneResult> failed = recorded.stream().filter(r -> r.status() == SceneStatus.FAILED).toList();
        Map<Integer, Long> lines = new HashMap<>();
        if (!failed.isEmpty()) {
            try {
                sources.of(run).outlines()
                        .forEach(outline -> lines.put(outline.position(), outline.line()));
            }
            catch (IOException | RuntimeException e) {
                // The input was moved or edited since: the summary names rows instead.
            }
        }
        return failed.stream().map(r -> new RunSummary.FailedScene(r.sceneId(), r.position(), lines.getOrDefault(r.position(), 0L),
                r.error())).toList();
    }

    private RunSummary.Spending spending(LedgerTotals totals) {
        return new RunSummary.Spending(totals.gpuSeconds(), totals.queueSeconds(), price.dollars(totals.gpuSeconds()),
                price.gpuPricePerHour());
    }

    private static int withVideo(List<SceneResult> recorded) {
        return (int) recorded.stream().filter(SceneResult::hasVideo).count();
    }

    private static int reused(List<SceneResult> recorded) {
        return (int) recorded.stream().filter(r -> r.reusedFrom() != null).count();
    }

    /**
     * What the user can act on: Spring Batch wraps what went wrong ("Unable to process chunk"), so the
     * innermost message; never null, whatever threw it.
     */
    static String reason(Throwable failure) {
        String message = null;
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            innermost = cause;
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message != null ? message : innermost.getClass().getSimpleName() + " (no message; see the log)";
    }
}
