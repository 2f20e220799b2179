package com.storystudio.batch.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.StoryStudioJobConfiguration;
import com.storystudio.batch.report.InputRuns;

/**
 * The run an operator names: digits are a job execution id (as {@code list} shows them), anything else the path of
 * an input, found the way a launch identifies it (real path, content hash, and the endpoint when one is set), its
 * newest run. A file whose name is all digits is written {@code ./12}.
 */
@Component
public class RunSelector {

    private final JobRepository jobRepository;
    private final InputRuns inputRuns;

    public RunSelector(JobRepository jobRepository, InputRuns inputRuns) {
        this.jobRepository = jobRepository;
        this.inputRuns = inputRuns;
    }

    /** @throws RunNotFoundException when nothing in the job database answers to it */
    public SelectedRun select(String operand, Optional<String> endpointId) {
        return operand.chars().allMatch(Character::isDigit) && !operand.isEmpty() ? byExecution(operand) : byInput(Path.of(operand), endpointId);
    }

    /** The run of one job instance. */
    public SelectedRun of(JobInstance instance) {
        List<JobExecution> executions = jobRepository.getJobExecutions(instance).stream()
                .sorted(Comparator.comparingLong(JobExecution::getId).reversed()).toList();
        // The newest read on its own: it comes with its execution context (the scene count).
        JobExecution last = jobRepository.getLastJobExecution(instance);
        List<JobExecution> withLast = executions.stream().map(execution -> execution.getId() == last.getId() ? last : execution).toList();
        return new SelectedRun(instance, withLast, RunParameters.from(last.getJobParameters()));
    }

    private SelectedRun byExecution(String operand) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(Long.parseLong(operand));
        }
        catch (NumberFormatException | EmptyResultDataAccessException e) {
            // Spring Batch 6 answers an unknown id with the DAO's exception, not with null.
            execution = null;
        }
        if (execution == null || !execution.getJobInstance().getJobName().equals(StoryStudioJobConfiguration.JOB_NAME)) {
            throw new RunNotFoundException(("no job execution %s in the job database (list shows them; an input file is named "
                    + "by its path, ./%s for a file called %s)").formatted(operand, operand, operand));
        }
        return of(execution.getJobInstance());
    }

    private SelectedRun byInput(Path input, Optional<String> endpointId) {
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new RunNotFoundException("cannot read the input file %s (a run is named by its input's path or by a job execution id)"
                    .formatted(input));
        }
        try {
            Path real = input.toRealPath();
            return inputRuns.newest(real, RunParameters.sha256(real), endpointId).map(run -> of(run.instance()))
                    .orElseThrow(() -> new RunNotFoundException("no run of %s with its present content%s is in the job database "
                            .formatted(real, endpointId.map(id -> " on endpoint " + id).orElse("")) + "(list shows the runs there are)"));
        }
        catch (IOException e) {
            throw new RunNotFoundException("cannot read the input file %s: %s".formatted(input, e.getMessage()));
        }
    }
}
