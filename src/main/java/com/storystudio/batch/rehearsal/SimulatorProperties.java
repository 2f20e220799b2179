package com.storystudio.batch.rehearsal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.storystudio.batch.simulator.RequestLimits;
import com.storystudio.batch.simulator.SimulatorSettings;

/**
 * The built-in emulator's model under {@code simulator.*} (used with {@code --simulate}). Durations
 * are simulated time; {@code timeScale} simulated seconds pass per real second.
 */
@ConfigurationProperties("simulator")
public record SimulatorProperties(
        @DefaultValue("600") double timeScale,
        @DefaultValue("3") int workersMax,
        @DefaultValue("0") int workersMin,
        @DefaultValue("5") int idleTimeoutSeconds,
        @DefaultValue("60s") Duration workerStartup,
        @DefaultValue("10m") Duration modelLoad,
        @DefaultValue("150s") Duration meanServiceTime,
        @DefaultValue("0.3") double serviceTimeCv,
        @DefaultValue("30m") Duration resultRetention,
        @DefaultValue("1.89") double gpuDollarsPerHour,
        @DefaultValue("42") long seed,
        @DefaultValue Faults faults,
        @DefaultValue RateLimit rateLimit) {

    /** Fault rates (0..1) for rehearsing bad days; all off by default. */
    public record Faults(
            @DefaultValue("0") double http500Rate,
            @DefaultValue("0") double http429Rate,
            @DefaultValue("0") double dropConnectionRate,
            @DefaultValue("0") double lostRunResponseRate,
            @DefaultValue("0") double transientJobFailureRate,
            @DefaultValue("0") double jobTimeoutRate,
            @DefaultValue("0") double videoResetRate,
            @DefaultValue("0") double videoHttp500Rate,
            @DefaultValue("0") double videoTruncationRate) {
    }

    /** RunPod's per-endpoint request limits per window of simulated time; beyond them: 429. */
    public record RateLimit(
            @DefaultValue("10s") Duration window,
            @DefaultValue("1000") int run,
            @DefaultValue("2000") int status,
            @DefaultValue("100") int cancel) {
    }

    SimulatorSettings settings() {
        return SimulatorSettings.defaults()
                .withTimeScale(timeScale)
                .withWorkersMax(workersMax)
                .withInitialWorkersMin(workersMin)
                .withInitialIdleTimeoutSeconds(idleTimeoutSeconds)
                .withWorkerStartup(workerStartup)
                .withModelLoad(modelLoad)
                .withMeanServiceTime(meanServiceTime)
                .withServiceTimeCv(serviceTimeCv)
                .withResultRetention(resultRetention)
                .withGpuDollarsPerHour(gpuDollarsPerHour)
                .withRandomSeed(seed)
                .withRequestLimits(new RequestLimits(rateLimit.window(), rateLimit.run(), rateLimit.status(), rateLimit.cancel()));
    }
}
