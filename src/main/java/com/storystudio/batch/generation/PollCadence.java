package com.storystudio.batch.generation;

import java.time.Duration;

import com.storystudio.batch.runpod.RemoteStatus;

/**
 * How long to wait before asking RunPod about a job again. A job whose status just changed is asked
 * about after one poll interval; one that stays as it was waits twice as long each time, up to
 * {@code maxInterval}: a scene queued behind many others, or in its tenth minute of generation, need
 * not be asked about every few seconds when {@link EndpointWatch} notices its end. While the watch
 * cannot count (others share the endpoint), a running job is asked about every poll interval.
 */
final class PollCadence {

    private final Duration pollInterval;
    private final Duration maxInterval;

    PollCadence(Duration pollInterval, Duration maxInterval) {
        this.pollInterval = pollInterval;
        this.maxInterval = maxInterval.compareTo(pollInterval) < 0 ? pollInterval : maxInterval;
    }

    Duration first() {
        return pollInterval;
    }

    /**
     * @param previous the wait that led to this poll
     * @param changed  whether the status differs from the one seen before
     * @param watched  whether the endpoint count notices the job's end
     */
    Duration next(Duration previous, RemoteStatus status, boolean changed, boolean watched) {
        if (changed || (!watched && status == RemoteStatus.IN_PROGRESS)) {
            return pollInterval;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxInterval) > 0 ? maxInterval : doubled;
    }
}
