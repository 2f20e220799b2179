package com.storystudio.batch.operations;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storystudio.batch.runpod.EndpointHealth;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodException;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.runpod.WorkerSettings;

/** The endpoint's queue and workers ({@code /health}) and, where the worker control can read it, its scaling. */
@Component
public class EndpointCheck {

    private final RunPodJobs jobs;
    private final WorkerControl control;
    private final RunPodConnection connection;

    public EndpointCheck(RunPodJobs jobs, WorkerControl control, RunPodConnection connection) {
        this.jobs = jobs;
        this.control = control;
        this.connection = connection;
    }

    /**
     * @throws RunPodConfigurationException the key or the address was refused
     * @throws com.storystudio.batch.runpod.RunPodUnavailableException RunPod did not answer {@code /health}
     */
    public EndpointState check() {
        EndpointHealth health = jobs.health();
        try {
            Optional<WorkerSettings> scaling = control.read();
            return new EndpointState(connection.endpointId(), health, scaling,
                    scaling.isPresent() ? "" : "not readable with worker control " + control.describe());
        }
        catch (RunPodException e) {
            // /health answered: the scaling is a detail, and its API may be down on its own.
            return new EndpointState(connection.endpointId(), health, Optional.empty(), "could not be read: " + e.getMessage());
        }
    }
}
