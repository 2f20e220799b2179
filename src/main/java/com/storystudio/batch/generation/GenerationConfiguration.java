package com.storystudio.batch.generation;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storystudio.batch.StoryStudioProperties;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.runpod.JobPolicy;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.RunPodProperties;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.time.Sleeper;

@Configuration(proxyBeanMethods = false)
public class GenerationConfiguration {

    @Bean
    GenerationSettings generationSettings(RunPodProperties runPod, RunPodConnection connection, StoryStudioProperties settings) {
        return new GenerationSettings(settings.maxInFlight(), runPod.pollInterval(), runPod.maxPollInterval(), runPod.maxAttempts(),
                new JobPolicy(runPod.executionTimeout(), runPod.ttl()), settings.resubmitDelay(), connection.endpointId(),
                settings.sceneDeadline(), settings.stopAfterFailures(), settings.maxFailedShare());
    }

    @Bean
    SceneGenerator sceneGenerator(RunPodJobs jobs, SubmissionLedger ledger, SceneRequestFactory requests, FailureClassifier classifier,
                                  GenerationSettings settings, WorkerControl control, StoryStudioProperties properties, Clock clock,
                                  Sleeper sleeper) {
        return new SceneGenerator(jobs, ledger, requests, classifier, settings, new InFlightLimit(settings.maxInFlight(), control),
                properties.submissionOrder(), clock, sleeper);
    }
}
