package com.storystudio.batch.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.job.CheckScenesTasklet;
import com.storystudio.batch.job.StoryStudioJobConfiguration;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.result.ResultCounts;
import com.storystudio.batch.result.SceneResultRepository;

/** The newest runs in the job database, newest first, each summed up from Spring Batch's tables, the results and the ledger. */
@Component
public class RunListing {

    private final JobRepository jobRepository;
    private final RunSelector selector;
    private final SceneResultRepository results;
    private final SubmissionLedger ledger;
    private final GpuPrice price;
    private final Clock clock;

    public RunListing(JobRepository jobRepository, RunSelector selector, SceneResultRepository results, SubmissionLedger ledger,
                      GpuPrice price, Clock clock) {
        this.jobRepository = jobRepository;
        this.selector = selector;
        this.results = results;
        this.ledger = ledger;
        this.price = price;
        this.clock = clock;
    }

    public List<RunRow> newest(int limit) {
        return jobRepository.getJobInstances(StoryStudioJobConfiguration.JOB_NAME, 0, limit).stream()
                .filter(instance -> jobRepository.getLastJobExecution(instance) != null)
                .map(selector::of).map(this::row).toList();
    }

    /** One run summed up. */
    public RunRow row(SelectedRun run) {
        ResultCounts counts = results.counts(run.instanceId());
        int scenes = run.last().getExecutionContext().getInt(CheckScenesTasklet.SCENE_COUNT, -1);
        List<JobExecution> executions = run.executions();
        LocalDateTime started = executions.get(executions.size() - 1).getStartTime();
        Duration took = executions.stream().filter(execution -> execution.getStartTime() != null)
                .map(execution -> Duration.between(execution.getStartTime(),
                        Objects.requireNonNullElseGet(execution.getEndTime(), () -> LocalDateTime.now(clock.withZone(ZoneId.systemDefault())))))
                .reduce(Duration.ZERO, Duration::plus);
        return new RunRow(run.instanceId(), run.parameters().input(), executions.stream().map(JobExecution::getId).toList(),
                run.last().getStatus(), counts.completed(), counts.failed(), scenes < 0 ? OptionalInt.empty() : OptionalInt.of(scenes),
                started, took, price.dollars(ledger.totals(run.instanceId()).gpuSeconds()));
    }
}
