package com.storystudio.batch.runpod;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RunPod client, pointed at the configured endpoint. A run against the built-in emulator
 * ({@code --simulate}) or a test replaces the {@link RunPodConnection} with a primary bean of its own.
 */
@Configuration(proxyBeanMethods = false)
public class RunPodClientConfiguration {

    @Bean
    RunPodConnection runPodConnection(RunPodProperties properties) {
        return properties.connection();
    }

    @Bean
    RetryCurfew retryCurfew(Clock clock) {
        return new RetryCurfew(clock);
    }

    @Bean
    RunPodHttp runPodHttp(RunPodConnection connection, RunPodProperties properties, JsonMapper json) {
        return new RunPodHttp(connection.apiKey(), properties.http(), RequestRateLimit.of(properties.rateLimit()), json);
    }

    @Bean
    RunPodJobs runPodJobs(RunPodConnection connection, RunPodHttp http) {
        return new RunPodJobs(connection, http);
    }

    @Bean
    WorkerControl workerControl(RunPodProperties properties, RunPodConnection connection, RunPodHttp http) {
        return switch (properties.workerControl()) {
            case GRAPHQL -> new GraphQlWorkerControl(connection, http);
            case REST -> new RestWorkerControl(connection, http);
            case NONE -> new NoWorkerControl();
        };
    }
}
