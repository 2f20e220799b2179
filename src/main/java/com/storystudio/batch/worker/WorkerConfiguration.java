package com.storystudio.batch.worker;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.storystudio.batch.generation.GenerationProperties;
import com.storystudio.batch.runpod.RetryCurfew;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.WorkerControl;

@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    @Bean
    WorkerScaling workerScaling(WorkerControl control, WorkerBaselineStore baselines, WorkerLeases leases,
                                RunPodConnection connection, WorkerProperties settings, RetryCurfew curfew) {
        return new WorkerScaling(control, baselines, leases, connection.endpointId(), settings.runpod().idleTimeout(),
                settings.storystudio().restoreAttempts(), settings.storystudio().restoreRetryDelay(), curfew);
    }

    /** Waits for the tail's workers to leave at the cadence the generate step polls RunPod at. */
    @Bean
    TailScaling tailScaling(WorkerControl control, WorkerBaselineStore baselines, WorkerLeases leases, RunPodJobs jobs,
                            RunPodConnection connection, WorkerProperties settings, GenerationProperties generation, Clock clock,
                            RetryCurfew curfew) {
        return new TailScaling(control, baselines, leases, jobs, connection.endpointId(), settings.storystudio().tailIdleTimeout(),
                generation.runpod().pollInterval(), clock, curfew);
    }
}
