package com.storystudio.batch.runpod;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.time.Sleeper;

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

    /** Unset until a stop sets it; from then on no call backs off past it. */
    @Bean
    RetryCurfew retryCurfew(Clock clock) {
        return new RetryCurfew(clock);
    }

    @Bean
    RunPodHttp runPodHttp(RunPodConnection connection, RunPodProperties properties, JsonMapper json, RetryCurfew curfew,
                          Clock clock, Sleeper sleeper, ObjectProvider<RunPodCallListener> listener) {
        return new RunPodHttp(connection.apiKey(), properties.http(), RequestRateLimit.of(properties.rateLimit()), json,
                curfew, clock, sleeper, listener.getIfAvailable(() -> RunPodCallListener.NONE));
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
