package com.storystudio.batch.generation;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storystudio.batch.download.VideoDownloader;
import com.storystudio.batch.download.VideoProbe;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.RunPodProperties;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.time.Sleeper;

@Configuration(proxyBeanMethods = false)
public class GenerationConfiguration {

    @Bean
    GenerationSettings generationSettings(GenerationProperties properties, RunPodProperties runPod, RunPodConnection connection) {
        return GenerationSettings.of(properties, runPod.jobPolicy(), connection.endpointId());
    }

    @Bean
    WorkAhead workAhead(SubmissionLedger ledger, SceneResultRepository results, GenerationSettings settings) {
        return new WorkAhead(ledger, results, settings.endpointId());
    }

    @Bean
    InFlightLimit inFlightLimit(GenerationSettings settings, WorkerControl control) {
        return new InFlightLimit(settings.maxInFlight(), control);
    }

    @Bean
    SceneGenerator sceneGenerator(RunPodJobs jobs, SubmissionLedger ledger, SceneRequestFactory requests, FailureClassifier classifier,
                                  GenerationSettings settings, InFlightLimit inFlightLimit, GenerationProperties properties, Clock clock,
                                  Sleeper sleeper, VideoDownloader downloader, VideoProbe probe, ObjectProvider<SceneEvents> events) {
        return new SceneGenerator(jobs, ledger, requests, classifier, settings, inFlightLimit,
                properties.storystudio().submissionOrder(), clock, sleeper, downloader, probe,
                events.getIfAvailable(() -> SceneEvents.NONE));
    }
}
