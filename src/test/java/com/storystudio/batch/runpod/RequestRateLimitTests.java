package com.storystudio.batch.runpod;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.testing.ManualTime;

/** The sliding window of each route, on a clock that moves only when the limiter sleeps or the test says so. */
class RequestRateLimitTests {

    private final ManualTime clock = new ManualTime();
    /** Every wait the limiter asked for; waiting moves the clock on by exactly that much. */
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final RequestRateLimit limit = new RequestRateLimit(new RunPodProperties.RateLimit(Duration.ofSeconds(10), 3, 5, 2),
            clock, duration -> {
                sleeps.add(duration);
                clock.advance(duration);
            });

    @Test
    void requestsWithinTheLimitPassAtOnce() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            send(RunPodRoute.RUN);
        }

        assertThat(sleeps).isEmpty();
    }

    @Test
    void theRequestOverTheLimitWaitsExactlyUntilTheOldestLeavesTheWindow() throws InterruptedException {
        send(RunPodRoute.RUN);
        clock.advance(Duration.ofSeconds(2));
        send(RunPodRoute.RUN);
        clock.advance(Duration.ofSeconds(3));
        send(RunPodRoute.RUN);

        send(RunPodRoute.RUN);

        // The first left the window at 10 s; it is now 5 s.
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5));
        assertThat(clock.instant()).isEqualTo(ManualTime.START.plusSeconds(10));

        send(RunPodRoute.RUN);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    @Test
    void aRequestCountsFromItsAnswerNotFromItsSending() throws InterruptedException {
        limit.acquire(RunPodRoute.CANCEL);
        clock.advance(Duration.ofSeconds(4)); // a slow answer
        limit.release(RunPodRoute.CANCEL);
        send(RunPodRoute.CANCEL);

        send(RunPodRoute.CANCEL);

        // RunPod may have counted the first request as late as its answer came, at 4 s: so not before 14 s.
        assertThat(sleeps).containsExactly(Duration.ofSeconds(10));
        assertThat(clock.instant()).isEqualTo(ManualTime.START.plusSeconds(14));
    }

    @Test
    void routesAreLimitedIndependently() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            send(RunPodRoute.RUN);
        }
        for (int i = 0; i < 5; i++) {
            send(RunPodRoute.STATUS);
        }
        for (int i = 0; i < 2; i++) {
            send(RunPodRoute.CANCEL);
        }
        for (int i = 0; i < 100; i++) {
            send(RunPodRoute.HEALTH);
            send(RunPodRoute.MANAGEMENT);
        }

        assertThat(sleeps).isEmpty();
    }

    @Test
    void aRateLimitedAnswerHoldsBackTheWholeRouteUntilItsRetryAfter() throws InterruptedException {
        send(RunPodRoute.STATUS);
        limit.blockFor(RunPodRoute.STATUS, Duration.ofSeconds(3));

        send(RunPodRoute.RUN);
        assertThat(sleeps).isEmpty();

        send(RunPodRoute.STATUS);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));

        send(RunPodRoute.STATUS);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void theWindowKeepsSlidingOverManyRounds() throws InterruptedException {
        for (int i = 0; i < 3 * 50; i++) {
            send(RunPodRoute.RUN);
        }

        // Three at once, then a ten-second wait for the next three, forty-nine times.
        assertThat(sleeps).hasSize(49).containsOnly(Duration.ofSeconds(10));
        assertThat(clock.instant()).isEqualTo(ManualTime.START.plusSeconds(490));
    }

    @Test
    void whenEveryPermitIsStillInFlightTheNextWaitsForAnAnswer() throws Exception {
        limit.acquire(RunPodRoute.CANCEL);
        limit.acquire(RunPodRoute.CANCEL);
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                limit.acquire(RunPodRoute.CANCEL);
            }
            catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        clock.advance(Duration.ofSeconds(1));

        limit.release(RunPodRoute.CANCEL);

        third.get(5, TimeUnit.SECONDS);
        // The answer came at 1 s, so the third may go at 11 s.
        assertThat(clock.instant()).isEqualTo(ManualTime.START.plusSeconds(11));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(10));
    }

    private void send(RunPodRoute route) throws InterruptedException {
        limit.acquire(route);
        limit.release(route);
    }
}
