package com.storystudio.batch.runpod;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.simulator.RunPodSimulator;

/** The RunPod client, pointed at the built-in simulator when one runs ({@code --simulate}), else at the configured endpoint. */
@Configuration(proxyBeanMethods = false)
public class RunPodClientConfiguration {

    @Bean
    RunPodConnection runPodConnection(RunPodProperties properties, ObjectProvider<RunPodSimulator> simulator) {
        RunPodSimulator running = simulator.getIfAvailable();
        if (running == null) {
            return properties.connection();
        }
        return new RunPodConnection(running.baseUrl(), running.baseUrl(), running.endpointId(), new ApiKey(running.apiKey()));
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
