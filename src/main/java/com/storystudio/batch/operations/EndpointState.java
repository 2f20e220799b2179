package com.storystudio.batch.operations;

import java.util.Optional;

import com.storystudio.batch.runpod.EndpointHealth;
import com.storystudio.batch.runpod.WorkerSettings;

/**
 * What {@code health} tells.
 *
 * @param scaling         the endpoint's scaling, when the worker control could read it
 * @param scalingUnknown  why it could not, when it could not
 */
public record EndpointState(String endpointId, EndpointHealth health, Optional<WorkerSettings> scaling, String scalingUnknown) {

    public String describe() {
        String workers = "workers: %d idle, %d running, %d initializing".formatted(health.idleWorkers(), health.runningWorkers(),
                health.initializingWorkers());
        String queue = "jobs: %d in queue, %d in progress".formatted(health.jobsInQueue(), health.jobsInProgress());
        String scale = scaling.map(settings -> "scaling: workersMin %s, workersMax %s, idle timeout %ss".formatted(
                text(settings.workersMin()), text(settings.workersMax()), text(settings.idleTimeoutSeconds())))
                .orElse("scaling: " + scalingUnknown);
        return "Endpoint %s%n  %s%n  %s%n  %s%n".formatted(endpointId, workers, queue, scale);
    }

    private static String text(Integer value) {
        return value == null ? "?" : value.toString();
    }
}
