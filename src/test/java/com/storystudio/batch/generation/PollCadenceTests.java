package com.storystudio.batch.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.runpod.RemoteStatus;

class PollCadenceTests {

    private static final Duration POLL = Duration.ofSeconds(10);
    private final PollCadence cadence = new PollCadence(POLL, Duration.ofSeconds(120));

    @Test
    void whileTheEndpointCountsJobsEndingEachWaitDoublesUpToTheLongest() {
        Duration wait = cadence.first();
        StringBuilder waits = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            wait = cadence.next(wait, RemoteStatus.IN_PROGRESS, i == 0, true);
            waits.append(wait.toSeconds()).append(' ');
        }
        assertThat(waits.toString().trim()).isEqualTo("20 40 80 120 120 120");
    }

    @Test
    void whenTheCountsCannotTellARunningJobIsAskedAboutEveryPollInterval() {
        assertThat(cadence.next(Duration.ofSeconds(80), RemoteStatus.IN_PROGRESS, false, false)).isEqualTo(POLL);
    }

    @Test
    void whenTheCountsCannotTellAQueuedJobBacksOffUntilItsStatusChanges() {
        assertThat(cadence.next(Duration.ofSeconds(40), RemoteStatus.IN_QUEUE, false, false)).isEqualTo(Duration.ofSeconds(80));
        assertThat(cadence.next(Duration.ofSeconds(40), RemoteStatus.IN_QUEUE, true, false)).isEqualTo(POLL);
    }

    @Test
    void aLongestWaitBelowThePollIntervalIsRaisedToIt() {
        PollCadence tight = new PollCadence(POLL, Duration.ofSeconds(1));
        assertThat(tight.next(POLL, RemoteStatus.IN_QUEUE, false, true)).isEqualTo(POLL);
    }
}
