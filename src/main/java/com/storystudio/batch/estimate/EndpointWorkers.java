package com.storystudio.batch.estimate;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.storystudio.batch.generation.GenerationProperties;
import com.storystudio.batch.generation.InFlightLimit;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodException;
import com.storystudio.batch.runpod.WorkerControl;
import com.storystudio.batch.runpod.WorkerSettings;

/**
 * How many jobs a run of the input would have running at once: the endpoint's {@code workersMax}, read as the
 * run reads it (a query, never a change), and no more than {@code storystudio.max-in-flight} if that is set.
 * Where it cannot be read, the run keeps {@link InFlightLimit#WHEN_WORKERS_UNKNOWN} scenes in flight, so at
 * most that many run at once: the estimate assumes as much and says so.
 */
@Component
public class EndpointWorkers {

    private final WorkerControl control;
    private final int maxInFlight;

    public EndpointWorkers(WorkerControl control, GenerationProperties properties) {
        this.control = control;
        this.maxInFlight = properties.storystudio().maxInFlight();
    }

    /** @throws RunPodConfigurationException RunPod refused the key or the address */
    Workers read() {
        Optional<Integer> workersMax;
        String unknown;
        if (!control.isActive()) {
            workersMax = Optional.empty();
            unknown = "the endpoint's workersMax is not read with --runpod.worker-control=none";
        }
        else {
            try {
                workersMax = control.read().map(WorkerSettings::workersMax);
                unknown = "RunPod did not report the endpoint's workersMax";
            }
            catch (RunPodConfigurationException e) {
                throw e;
            }
            catch (RunPodException e) {
                workersMax = Optional.empty();
                unknown = "could not read the endpoint's workersMax (%s)".formatted(e.getMessage());
            }
        }
        if (workersMax.isPresent()) {
            int workers = Math.max(workersMax.get(), 1);
            return maxInFlight > 0 && maxInFlight < workers
                    ? new Workers(maxInFlight, "--storystudio.max-in-flight=%d, below the endpoint's workersMax of %d".formatted(maxInFlight, workers))
                    : new Workers(workers, "the endpoint's workersMax");
        }
        if (maxInFlight > 0) {
            return new Workers(maxInFlight, unknown + "; assumed as many as --storystudio.max-in-flight=" + maxInFlight);
        }
        return new Workers(InFlightLimit.WHEN_WORKERS_UNKNOWN, unknown + "; assumed %d, the scenes the run then keeps in flight"
                .formatted(InFlightLimit.WHEN_WORKERS_UNKNOWN));
    }
}
