package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.runpod.GenerationInput;
import com.storystudio.batch.runpod.JobPolicy;
import com.storystudio.batch.runpod.RequestRateLimit;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodHttp;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.RunPodProperties;
import com.storystudio.batch.testing.TestSimulators;

/**
 * The app's RunPod client against the emulator's request limits over real HTTP. Client and emulator share
 * one hand-driven clock that moves only when the client's rate limit waits, so whether a request fits
 * in a window never depends on how fast this machine happens to be.
 */
class RateLimitedClientHttpTest {

    private static final int STATUS_LIMIT = 20;
    private static final int REQUESTS = 5 * STATUS_LIMIT;
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final ManualClock simulated = new ManualClock();
    private final RunPodSimulator simulator = RunPodSimulator.start(SimulatorSettings.defaults()
            .withRequestLimits(new RequestLimits(WINDOW, 1000, STATUS_LIMIT, 100)), simulated);
    private final RunPodConnection connection = TestSimulators.connectionTo(simulator);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aClientKeepingTheEndpointsLimitIsNeverRefused() {
        RunPodJobs jobs = jobsLimitedTo(STATUS_LIMIT);
        String id = jobs.submit(input(), policy()).id();

        for (int i = 0; i < REQUESTS; i++) {
            assertThat(jobs.status(id).id()).isEqualTo(id);
        }

        SimulatorStats stats = simulator.stats();
        assertThat(stats.statusRequests()).isEqualTo(REQUESTS);
        assertThat(stats.rateLimitedRequests()).isZero();
        // It went as fast as allowed: a window for each further twenty.
        assertThat(Duration.ofNanos(simulated.elapsedNanos())).isEqualTo(WINDOW.multipliedBy(REQUESTS / STATUS_LIMIT - 1));
    }

    @Test
    void aClientAllowingItselfTooMuchIsRefusedAndGetsThroughByWaitingForRetryAfter() {
        RunPodJobs jobs = jobsLimitedTo(10 * STATUS_LIMIT);
        String id = jobs.submit(input(), policy()).id();

        for (int i = 0; i < REQUESTS; i++) {
            assertThat(jobs.status(id).id()).isEqualTo(id);
        }

        SimulatorStats stats = simulator.stats();
        // Refused once per window: the 429's Retry-After holds back the route until the window has room again.
        assertThat(stats.rateLimitedRequests()).isEqualTo(REQUESTS / STATUS_LIMIT - 1);
        assertThat(stats.statusRequests()).isEqualTo(REQUESTS + stats.rateLimitedRequests());
        assertThat(stats.injectedHttp429()).isZero();
    }

    private RunPodJobs jobsLimitedTo(int statusLimit) {
        // Short real backoffs; the maximum delay only caps how long a Retry-After may hold the route back.
        RunPodProperties.Http http = new RunPodProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                Duration.ofMillis(1), 2.0, Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofSeconds(60));
        RequestRateLimit limit = new RequestRateLimit(new RunPodProperties.RateLimit(WINDOW, 1000, statusLimit, 100),
                simulated.asClock(), simulated::advance);
        return new RunPodJobs(connection, new RunPodHttp(connection.apiKey(), http, limit, JsonMapper.builder().build()));
    }

    private static GenerationInput input() {
        return new GenerationInput("https://example.com/character.png", "https://example.com/speech.mp3", "Talk", "480p", 20);
    }

    private static JobPolicy policy() {
        return new JobPolicy(Duration.ofHours(1), Duration.ofHours(24));
    }
}
