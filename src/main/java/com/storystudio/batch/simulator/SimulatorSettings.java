package com.storystudio.batch.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RunPodSimulator} behaves. Durations are simulated time; {@code timeScale} says how many
 * simulated seconds pass per real second (600 = one simulated minute per 100 ms).
 *
 * @param port                  0 picks a free port; the simulator always binds to 127.0.0.1
 * @param workerStartup         cold start of a new worker before it can take a job
 * @param modelLoad             paid by the first job a worker runs, inside that job's execution
 * @param meanServiceTime       mean generation time of one 5-second clip at 480p and 20 sample steps on a warm
 *                              worker; a job takes this once per clip of its audio (one for audio the
 *                              simulator cannot measure: URLs, formats other than WAV)
 * @param serviceTimeCv         coefficient of variation of the generation time for a given audio length
 *                              (0 = always the mean per clip)
 * @param resultRetention       how long a finished job stays readable through /status
 * @param randomSeed            seeds service times and fault draws, so a sequence of jobs is reproducible
 * @param requestLimits         RunPod's per-endpoint request limits, in simulated time; beyond them: 429
 */
public record SimulatorSettings(String endpointId, String apiKey, int port, double timeScale,
                                Duration workerStartup, Duration modelLoad, Duration meanServiceTime,
                                double serviceTimeCv, int workersMax, int initialWorkersMin,
                                int initialIdleTimeoutSeconds, Duration resultRetention,
                                double gpuDollarsPerHour, long randomSeed, RequestLimits requestLimits) {

    public SimulatorSettings {
        requireText(endpointId, "endpointId");
        requireText(apiKey, "apiKey");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive number, was " + timeScale);
        }
        requireNotNegative(workerStartup, "workerStartup");
        requireNotNegative(modelLoad, "modelLoad");
        requireNotNegative(meanServiceTime, "meanServiceTime");
        requireNotNegative(resultRetention, "resultRetention");
        Objects.requireNonNull(requestLimits, "requestLimits");
        if (meanServiceTime.isZero()) {
            throw new IllegalArgumentException("meanServiceTime must be positive");
        }
        if (!(serviceTimeCv >= 0) || Double.isInfinite(serviceTimeCv)) {
            throw new IllegalArgumentException("serviceTimeCv must be >= 0, was " + serviceTimeCv);
        }
        if (!(gpuDollarsPerHour >= 0) || Double.isInfinite(gpuDollarsPerHour)) {
            throw new IllegalArgumentException("gpuDollarsPerHour must be >= 0, was " + gpuDollarsPerHour);
        }
        // The endpoint's own invariants (min <= max, no negative values) are checked once, in EndpointConfig.
        new EndpointConfig(initialWorkersMin, workersMax, initialIdleTimeoutSeconds);
    }

    /** Values that mirror the seed document: ~1 min worker start, 10 min model load, ~2.5 min per 480p clip. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("sim-endpoint", "sim-key", 0, 1.0, Duration.ofSeconds(60),
                Duration.ofMinutes(10), Duration.ofSeconds(150), 0.3, 3, 0, 5, Duration.ofMinutes(30), 1.89, 42L,
                RequestLimits.runPod());
    }

    public SimulatorSettings withEndpointId(String value) {
        return new SimulatorSettings(value, apiKey, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withApiKey(String value) {
        return new SimulatorSettings(endpointId, value, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withPort(int value) {
        return new SimulatorSettings(endpointId, apiKey, value, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withTimeScale(double value) {
        return new SimulatorSettings(endpointId, apiKey, port, value, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withWorkerStartup(Duration value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, value, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withModelLoad(Duration value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, value, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withMeanServiceTime(Duration value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, modelLoad, value,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withServiceTimeCv(double value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                value, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withWorkersMax(int value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, value, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withInitialWorkersMin(int value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, value, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withInitialIdleTimeoutSeconds(int value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, value, resultRetention,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withResultRetention(Duration value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, value,
                gpuDollarsPerHour, randomSeed, requestLimits);
    }

    public SimulatorSettings withGpuDollarsPerHour(double value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                value, randomSeed, requestLimits);
    }

    public SimulatorSettings withRandomSeed(long value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, value, requestLimits);
    }

    public SimulatorSettings withRequestLimits(RequestLimits value) {
        return new SimulatorSettings(endpointId, apiKey, port, timeScale, workerStartup, modelLoad, meanServiceTime,
                serviceTimeCv, workersMax, initialWorkersMin, initialIdleTimeoutSeconds, resultRetention,
                gpuDollarsPerHour, randomSeed, value);
    }

    /** The endpoint configuration the simulator starts with. */
    EndpointConfig initialEndpoint() {
        return new EndpointConfig(initialWorkersMin, workersMax, initialIdleTimeoutSeconds);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
