package com.storystudio.batch.testing;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.storystudio.batch.runpod.RunPodConnection;

/**
 * What a functional test of the job needs: the emulator, and Spring Batch Test's job runner. The
 * runner is declared here rather than through {@code @SpringBatchTest}, whose scope listeners take
 * every test method returning a JobExecution (lambdas included) for a scope factory.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SimulatorTestConfiguration.class)
public class FunctionalTestConfiguration {

    @Bean
    JobOperatorTestUtils jobOperatorTestUtils(JobOperator jobOperator, JobRepository jobRepository, Job job) {
        JobOperatorTestUtils utils = new JobOperatorTestUtils(jobOperator, jobRepository);
        utils.setJob(job);
        return utils;
    }

    @Bean
    StoryboardRuns storyboardRuns(JobOperatorTestUtils jobs, JobRepository jobRepository, RunPodConnection connection) {
        return new StoryboardRuns(jobs, jobRepository, connection);
    }
}
