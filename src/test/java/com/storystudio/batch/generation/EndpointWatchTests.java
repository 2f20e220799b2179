package com.storystudio.batch.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;

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
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.TestSimulators;

/** The endpoint's counts against the emulator: jobs that take an hour, so that nothing ends unless cancelled. */
class EndpointWatchTests {

    private final RunPodSimulator simulator = RunPodSimulator.start(TestSimulators.fast().withMeanServiceTime(Duration.ofHours(1)));
    private final RunPodJobs jobs = jobs();
    private final EndpointWatch watch = new EndpointWatch(jobs, Duration.ofSeconds(10), Clock.systemUTC());

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aJobRunPodNoLongerCountsAsQueuedOrRunningHasEnded() {
        String first = submit();
        submit();
        submit();
        assertThat(watch.ended(3)).hasValue(0);
        assertThat(watch.counting()).isTrue();

        jobs.cancel(first);

        assertThat(watch.ended(3)).hasValue(1);
        assertThat(simulator.stats().healthRequests()).isEqualTo(2);
    }

    @Test
    void othersJobsOnTheEndpointMakeTheCountSayNothing() {
        submit();
        submit();

        OptionalInt ended = watch.ended(1);

        assertThat(ended).isEmpty();
        assertThat(watch.counting()).isFalse();
    }

    @Test
    void withNothingToWaitForRunPodIsNotAsked() {
        assertThat(watch.ended(0)).hasValue(0);
        assertThat(simulator.stats().healthRequests()).isZero();
        assertThat(watch.dueAt()).isAfter(Clock.systemUTC().instant().minusSeconds(1));
    }

    private String submit() {
        return jobs.submit(new GenerationInput("https://example.com/face.png", "https://example.com/voice.mp3", "Talk", "480p", 20),
                new JobPolicy(Duration.ofHours(2), Duration.ofHours(24))).id();
    }

    private RunPodJobs jobs() {
        RunPodConnection connection = TestSimulators.connectionTo(simulator);
        RunPodProperties.Http http = new RunPodProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                Duration.ofMillis(5), 2.0, Duration.ofMillis(50), Duration.ofMillis(1), Duration.ofSeconds(60));
        RequestRateLimit unlimited = RequestRateLimit.of(new RunPodProperties.RateLimit(Duration.ofMillis(10), 1000, 2000, 100));
        return new RunPodJobs(connection, new RunPodHttp(connection.apiKey(), http, unlimited, JsonMapper.builder().build()));
    }
}
