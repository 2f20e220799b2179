package com.storystudio.batch.testing;

import java.time.Duration;

import com.storystudio.batch.runpod.ApiKey;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatorSettings;

/** Emulator settings for tests: time runs 1000x, so a cold start is 80 ms and a scene about 60 ms. */
public final class TestSimulators {

    private TestSimulators() {
    }

    public static SimulatorSettings fast() {
        return SimulatorSettings.defaults()
                .withTimeScale(1000)
                .withWorkerStartup(Duration.ofSeconds(20))
                .withModelLoad(Duration.ofSeconds(60))
                .withMeanServiceTime(Duration.ofSeconds(60))
                .withServiceTimeCv(0.2)
                .withWorkersMax(3)
                // RunPod keeps results 30 minutes, which is under 2 s at this scale: long enough for
                // polling, too short for tests that pause a run. Tests of expiry shorten it again.
                .withResultRetention(Duration.ofHours(6))
                .withApiKey("test-key-do-not-log-4f2a9c");
    }

    /** The client's view of an emulator: its URL for both job routes and management, its endpoint and key. */
    public static RunPodConnection connectionTo(RunPodSimulator simulator) {
        return new RunPodConnection(simulator.baseUrl(), simulator.baseUrl(), simulator.endpointId(), new ApiKey(simulator.apiKey()));
    }
}
