package com.storystudio.batch.result;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Records finished scenes in the results table (with the chunk) and keeps the results CSV current.
 * The CSV is rewritten whole, so on large runs it is refreshed at most every {@code csvInterval};
 * always when the step starts (every scene listed, those not finished as such) and when it ends,
 * however it ends.
 */
public class SceneResultWriter implements ItemWriter<FinishedScenes>, StepExecutionListener {

    private final SceneResultRepository repository;
    private final ResultsCsvPublisher csv;
    private final Duration csvInterval;
    private final Clock clock;
    private long jobInstanceId;
    private Instant csvWrittenAt = Instant.MIN;

    public SceneResultWriter(SceneResultRepository repository, ResultsCsvPublisher csv, Duration csvInterval, Clock clock) {
        this.repository = repository;
        this.csv = csv;
        this.csvInterval = csvInterval;
        this.clock = clock;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        jobInstanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        publishCsv();
    }

    @Override
    public void write(Chunk<? extends FinishedScenes> chunk) {
        repository.save(jobInstanceId, chunk.getItems().stream().flatMap(finished -> finished.results().stream()).toList());
        if (!clock.instant().isBefore(csvWrittenAt.plus(csvInterval))) {
            publishCsv();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        publishCsv();
        return null;
    }

    private void publishCsv() {
        csv.publish(jobInstanceId);
        csvWrittenAt = clock.instant();
    }
}
