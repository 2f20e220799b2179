package com.storystudio.batch.runpod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.simulator.RequestLimits;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.TestSimulators;

/**
 * The client's rate limit on the system clock against the emulator's on its scaled clock: with RunPod's
 * window scaled like the emulator's time, the client never meets a 429, however fast or slow the
 * requests go, because a request counts until a window after its answer. (The same on one hand-driven
 * clock, and a client that allows itself too much: simulator.RateLimitedClientHttpTest.)
 */
class RunPodRateLimitTests {

    /** 100x: RunPod's 10 s window lasts 100 ms, long enough for many requests even on a busy machine. */
    private static final double TIME_SCALE = 100;
    private static final Duration SCALED_WINDOW = Duration.ofMillis(100);
    private static final int STATUS_LIMIT = 20;
    private static final int REQUESTS = 3 * STATUS_LIMIT;

    private final RunPodSimulator simulator = RunPodSimulator.start(TestSimulators.fast()
            .withTimeScale(TIME_SCALE)
            .withRequestLimits(new RequestLimits(Duration.ofSeconds(10), 1000, STATUS_LIMIT, 100)));
    private final RunPodConnection connection = TestSimulators.connectionTo(simulator);

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aClientKeepingTheEndpointsLimitIsNeverRefused() {
        RunPodJobs jobs = jobsKeepingTheLimit();
        String id = jobs.submit(input(), policy()).id();

        for (int i = 0; i < REQUESTS; i++) {
            assertThat(jobs.status(id).id()).isEqualTo(id);
        }

        assertThat(simulator.stats().statusRequests()).isEqualTo(REQUESTS);
        assertThat(simulator.stats().rateLimitedRequests()).isZero();
    }

    private RunPodJobs jobsKeepingTheLimit() {
        RunPodProperties.Http http = new RunPodProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), 10,
                Duration.ofMillis(5), 2.0, Duration.ofMillis(50), Duration.ofMillis(1), Duration.ofSeconds(60));
        RequestRateLimit limit = RequestRateLimit.of(new RunPodProperties.RateLimit(SCALED_WINDOW, 1000, STATUS_LIMIT, 100));
        return new RunPodJobs(connection, new RunPodHttp(connection.apiKey(), http, limit, JsonMapper.builder().build()));
    }

    private static GenerationInput input() {
        return new GenerationInput("https://example.com/character.png", "https://example.com/speech.mp3", "Talk", "480p", 20);
    }

    private static JobPolicy policy() {
        return new JobPolicy(Duration.ofHours(1), Duration.ofHours(24));
    }
}
