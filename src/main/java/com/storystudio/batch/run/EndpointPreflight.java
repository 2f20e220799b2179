package com.storystudio.batch.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.storystudio.batch.runpod.EndpointHealth;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.RunPodRejectedException;

/**
 * One cheap call ({@code /health}) before a run changes or submits anything: a refused key, a wrong
 * address or an unreachable RunPod is found here, in bounded time (one call's retries,
 * {@code runpod.http.max-retry-time}), instead of one failure per scene or a worker enabled in vain.
 */
@Component
public class EndpointPreflight {

    private static final Logger log = LoggerFactory.getLogger(EndpointPreflight.class);

    private final RunPodJobs jobs;

    public EndpointPreflight(RunPodJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * @throws RunPodConfigurationException the key was refused, or the URL is not an endpoint's
     * @throws com.storystudio.batch.runpod.RunPodUnavailableException RunPod did not answer within the call's retries
     */
    public void check() {
        EndpointHealth health;
        try {
            health = jobs.health();
        }
        catch (RunPodConfigurationException e) {
            throw e;
        }
        catch (RunPodRejectedException e) {
            // /health exists on every endpoint: any other refusal of it is the address, not a scene.
            throw RunPodConfigurationException.wrongAddress(e.status(), "GET", jobs.healthUrl(), e.getMessage());
        }
        log.info("RunPod endpoint answers: {} worker(s) ready, {} starting, {} job(s) queued, {} in progress",
                health.readyWorkers(), health.initializingWorkers(), health.jobsInQueue(), health.jobsInProgress());
    }
}
