package com.storystudio.batch.metrics;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.CheckScenesTasklet;
import com.storystudio.batch.job.RunEndListener;
import com.storystudio.batch.job.RunOutcome;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneStatus;

/**
 * How the input stood when an execution ended, as gauges: its scenes by outcome ({@code storystudio.scenes}),
 * its possible duplicates, whether the endpoint's scaling was put back ({@code storystudio.worker.restored}),
 * and when the job last succeeded ({@link LastSuccess}). Set in {@code afterJob}, after the worker's restore, so
 * the push at the process's end carries them. Tagged with the input's file name: an {@code --inbox} night runs
 * several inputs in one process, and one input's end must not overwrite another's.
 */
@Component
public class RunEndMeters implements RunEndListener {

    static final String SCENES = "storystudio.scenes";
    static final String POSSIBLE_DUPLICATES = "storystudio.possible.duplicates";
    static final String WORKER_RESTORED = "storystudio.worker.restored";

    private static final Logger log = LoggerFactory.getLogger(RunEndMeters.class);
    private static final List<String> OUTCOMES = List.of("completed", "reused", "failed", "unfinished");

    private final MeterRegistry registry;
    private final SceneResultRepository results;
    private final SubmissionLedger ledger;
    private final LastSuccess lastSuccess;
    private final Map<String, InputGauges> inputs = new ConcurrentHashMap<>();

    public RunEndMeters(MeterRegistry registry, SceneResultRepository results, SubmissionLedger ledger, LastSuccess lastSuccess) {
        this.registry = registry;
        this.results = results;
        this.ledger = ledger;
        this.lastSuccess = lastSuccess;
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            record(execution);
        }
        catch (RuntimeException e) {
            // A metric that cannot be read changes nothing of how the run ended.
            log.warn("Could not read the run's end for its metrics: {}", e.toString());
        }
    }

    private void record(JobExecution execution) {
        RunOutcome outcome = RunOutcome.of(execution);
        long instanceId = execution.getJobInstance().getInstanceId();
        List<SceneResult> recorded = results.findAll(instanceId);
        long reused = recorded.stream().filter(r -> r.reusedFrom() != null).count();
        long completed = recorded.stream().filter(r -> r.status() == SceneStatus.COMPLETED).count() - reused;
        long failed = recorded.stream().filter(r -> r.status() == SceneStatus.FAILED).count();
        int total = execution.getExecutionContext().getInt(CheckScenesTasklet.SCENE_COUNT, recorded.size());
        Path input = RunParameters.from(execution.getJobParameters()).input();
        // Registered at the input's first end only: before it, a 0 would read as "no scene done" or "worker not restored".
        InputGauges gauges = inputs.computeIfAbsent(String.valueOf(input.getFileName()), this::register);
        Map<String, AtomicLong> scenes = gauges.scenes();
        scenes.get("completed").set(completed);
        scenes.get("reused").set(reused);
        scenes.get("failed").set(failed);
        scenes.get("unfinished").set(Math.max(0, total - completed - reused - failed));
        gauges.possibleDuplicates().set(ledger.totals(instanceId).possibleDuplicates());
        gauges.workerRestored().set(outcome == RunOutcome.WORKER_NOT_RESTORED ? 0 : 1);
        lastSuccess.refresh();
        if (outcome == RunOutcome.COMPLETED) {
            // This execution's end is not in the database yet: afterJob runs before it is saved.
            lastSuccess.succeededAt(execution.getEndTime() == null ? Instant.now()
                    : execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant());
        }
    }

    private InputGauges register(String input) {
        InputGauges gauges = new InputGauges(new LinkedHashMap<>(), new AtomicLong(), new AtomicLong());
        OUTCOMES.forEach(outcome -> gauges.scenes().put(outcome, new AtomicLong()));
        gauges.scenes().forEach((outcome, value) -> Gauge.builder(SCENES, value, AtomicLong::get)
                .description("The input's scenes by outcome when the execution ended (reused: a video of an earlier job)")
                .tag("input", input).tag("outcome", outcome).register(registry));
        Gauge.builder(POSSIBLE_DUPLICATES, gauges.possibleDuplicates(), AtomicLong::get)
                .description("Remote jobs of the input that may exist besides the ones the ledger knows (paid twice?)")
                .tag("input", input).register(registry);
        Gauge.builder(WORKER_RESTORED, gauges.workerRestored(), AtomicLong::get)
                .description("1 when the endpoint's scaling was put back at the execution's end; 0: an active worker may be billing")
                .tag("input", input).register(registry);
        return gauges;
    }

    /** One input's gauges' values. */
    private record InputGauges(Map<String, AtomicLong> scenes, AtomicLong possibleDuplicates, AtomicLong workerRestored) {
    }
}
