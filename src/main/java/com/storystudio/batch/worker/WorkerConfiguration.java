package com.storystudio.batch.worker;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storystudio.batch.StoryStudioProperties;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.RunPodProperties;
import com.storystudio.batch.runpod.WorkerControl;

@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    @Bean
    WorkerScaling workerScaling(WorkerControl control, WorkerBaselineStore baselines, WorkerLeases leases,
                                RunPodConnection connection, RunPodProperties runPod, StoryStudioProperties settings) {
        return new WorkerScaling(control, baselines, leases, connection.endpointId(), runPod.idleTimeout(), settings.restoreAttempts(),
                settings.restoreRetryDelay());
    }

    @Bean
    TailScaling tailScaling(WorkerControl control, WorkerBaselineStore baselines, WorkerLeases leases, RunPodJobs jobs,
                            RunPodConnection connection, RunPodProperties runPod, StoryStudioProperties settings, Clock clock) {
        return new TailScaling(control, baselines, leases, jobs, connection.endpointId(), settings.tailIdleTimeout(),
                runPod.pollInterval(), clock);
    }
}
