package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;

import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.StoryStudioJobConfiguration;
import com.storystudio.batch.runpod.RunPodConnection;

/**
 * Runs the job for a scenes CSV the way the command does (same identifying parameters), so that
 * running the same CSV twice restarts the same job instance.
 */
public final class StoryboardRuns {

    private final JobOperatorTestUtils jobs;
    private final JobRepository jobRepository;
    private final RunPodConnection connection;

    public StoryboardRuns(JobOperatorTestUtils jobs, JobRepository jobRepository, RunPodConnection connection) {
        this.jobs = jobs;
        this.jobRepository = jobRepository;
        this.connection = connection;
    }

    /** Runs (or restarts) the job for the CSV; results go to {@code out/} beside it. */
    public JobExecution run(Path csv) {
        try {
            return jobs.startJob(parameters(csv));
        }
        catch (Exception e) {
            throw new IllegalStateException("could not launch the job for " + csv, e);
        }
    }

    /** The job instance of the CSV, once a run of it has started; null before. */
    public JobInstance instanceOf(Path csv) {
        return jobRepository.getJobInstance(StoryStudioJobConfiguration.JOB_NAME, parameters(csv));
    }

    public JobParameters parameters(Path csv) {
        try {
            return RunParameters.of(csv, connection.endpointId(), csv.toAbsolutePath().getParent().resolve("out")).toJobParameters();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
