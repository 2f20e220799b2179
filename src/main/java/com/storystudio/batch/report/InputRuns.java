package com.storystudio.batch.report;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.StoryStudioJobConfiguration;

/**
 * Finds the job instance of an input in Spring Batch's repository, as a run identifies it: the input's real path and
 * content hash, and the endpoint when one is known. Of several (a {@code --regenerate} run is an instance of its own,
 * and without an endpoint id every endpoint's count), the newest.
 */
@Component
public class InputRuns {

    private final JobRepository jobRepository;

    public InputRuns(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    /**
     * @param input      the input's real path
     * @param endpointId empty to take the input's runs on any endpoint
     */
    public Optional<InputRun> newest(Path input, String inputSha256, Optional<String> endpointId) {
        return jobRepository.findJobInstances(StoryStudioJobConfiguration.JOB_NAME).stream()
                .map(instance -> {
                    JobExecution last = jobRepository.getLastJobExecution(instance);
                    return last == null ? null : new InputRun(instance, RunParameters.from(last.getJobParameters()));
                })
                .filter(Objects::nonNull)
                .filter(run -> run.parameters().input().equals(input) && run.parameters().inputSha256().equals(inputSha256))
                .filter(run -> endpointId.map(run.parameters().endpointId()::equals).orElse(true))
                .max(Comparator.comparingLong(run -> run.instance().getInstanceId()));
    }

    /** An input's job instance, with the parameters of its last execution (where its output went). */
    public record InputRun(JobInstance instance, RunParameters parameters) {
    }
}
