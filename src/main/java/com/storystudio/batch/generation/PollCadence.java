package com.storystudio.batch.generation;

import java.time.Duration;

import com.storystudio.batch.runpod.RemoteStatus;

/**
 * How long to wait before asking RunPod about a job again. While {@link EndpointWatch} notices jobs
 * ending, asking is only the safety net: each wait is twice the one before, up to {@code maxInterval},
 * so a scene queued behind many others, or in its tenth minute of generation, is not asked about
 * every few seconds. While the watch cannot count (others share the endpoint), a running job is
 * asked about every poll interval, and a queued one again one interval after its status changed.
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
        if (!watched && (changed || status == RemoteStatus.IN_PROGRESS)) {
            return pollInterval;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxInterval) > 0 ? maxInterval : doubled;
    }
}
