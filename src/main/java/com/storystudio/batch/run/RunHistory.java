package com.storystudio.batch.run;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.StoryStudioJobConfiguration;

/** Earlier runs of the same storyboard (input, content, endpoint): plain ones and {@code --regenerate} ones. */
@Component
public class RunHistory {

    private final JobRepository jobRepository;
    private final Clock clock;

    public RunHistory(JobRepository jobRepository, Clock clock) {
        this.jobRepository = jobRepository;
        this.clock = clock;
    }

    /**
     * The run {@code --regenerate} asks for: the newest regeneration of this storyboard if it has not
     * completed, else a new one, identified by when it was asked for.
     */
    public RunParameters regeneration(RunParameters run) {
        return run.withRegeneration(unfinishedRegeneration(of(run)).map(past -> past.parameters().regeneration())
                .orElseGet(() -> clock.instant().toString()));
    }

    /** Newest first. */
    List<PastRun> of(RunParameters run) {
        return jobRepository.findJobInstances(StoryStudioJobConfiguration.JOB_NAME).stream()
                .map(instance -> {
                    JobExecution last = jobRepository.getLastJobExecution(instance);
                    return last == null ? null : new PastRun(instance, last, RunParameters.from(last.getJobParameters()));
                })
                .filter(Objects::nonNull)
                .filter(past -> past.parameters().sameStoryboard(run))
                .sorted(Comparator.comparingLong((PastRun past) -> past.instance().getInstanceId()).reversed())
                .toList();
    }

    /** The newest {@code --regenerate} run, if it has not completed: a new {@code --regenerate} continues it. */
    static Optional<PastRun> unfinishedRegeneration(List<PastRun> history) {
        return history.stream().filter(past -> past.parameters().regeneration() != null).findFirst()
                .filter(past -> past.lastExecution().getStatus() != BatchStatus.COMPLETED);
    }

    /** The newest run that completed: what "already done" reports. */
    static Optional<PastRun> latestCompleted(List<PastRun> history) {
        return history.stream().filter(past -> past.lastExecution().getStatus() == BatchStatus.COMPLETED).findFirst();
    }

    record PastRun(JobInstance instance, JobExecution lastExecution, RunParameters parameters) {
    }
}
