package com.storystudio.batch.simulator;

/**
 * The scaling settings of the simulated endpoint, as RunPod names them.
 *
 * @param workersMin         active workers kept alive (and billed) even with an empty queue
 * @param workersMax         upper bound on workers, active and flex together
 * @param idleTimeoutSeconds how long a worker beyond {@code workersMin} may stay idle before it is released
 */
public record EndpointConfig(int workersMin, int workersMax, int idleTimeoutSeconds) {

    public EndpointConfig {
        if (workersMin < 0) {
            throw new IllegalArgumentException("workersMin must be >= 0, was " + workersMin);
        }
        if (workersMax < 0) {
            throw new IllegalArgumentException("workersMax must be >= 0, was " + workersMax);
        }
        if (workersMin > workersMax) {
            throw new IllegalArgumentException(
                    "workersMin (" + workersMin + ") must not exceed workersMax (" + workersMax + ")");
        }
        if (idleTimeoutSeconds < 0) {
            throw new IllegalArgumentException("idleTimeout must be >= 0, was " + idleTimeoutSeconds);
        }
    }
}
