package com.storystudio.batch.job;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code storystudio.*}: how long a stop may take. systemd ({@code TimeoutStopSec}, 90 s) and Kubernetes
 * ({@code terminationGracePeriodSeconds}, 30 s) kill a process that overruns theirs; set this below it.
 *
 * @param stopTimeout from the first SIGTERM or Ctrl-C, the process ends within this; also the bound of
 *                    {@code --restore-worker} against an unreachable RunPod
 */
@ConfigurationProperties("storystudio")
public record StopProperties(@DefaultValue("60s") Duration stopTimeout) {

    /** Kept back from the stop timeout for what follows the last RunPod call: the summary, closing the database. */
    private static final Duration MAX_MARGIN = Duration.ofSeconds(10);

    public StopProperties {
        if (stopTimeout == null || stopTimeout.isZero() || stopTimeout.isNegative()) {
            throw new IllegalArgumentException("storystudio.stop-timeout must be positive, was " + stopTimeout);
        }
    }

    /** When RunPod calls of a stop that began at {@code start} must have given up: a quarter (at most 10 s) before its end. */
    public Instant curfewFrom(Instant start) {
        Duration margin = stopTimeout.dividedBy(4);
        return start.plus(stopTimeout).minus(margin.compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : margin);
    }
}
