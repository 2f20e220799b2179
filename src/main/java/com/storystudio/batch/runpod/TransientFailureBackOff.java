package com.storystudio.batch.runpod;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Exponential backoff with jitter that logs each retry with its reason. One instance per call: it
 * reads that call's {@link CallAttempts}, which the framework's backoff API cannot see. A 429's
 * {@code Retry-After} is not waited for here but in {@link RequestRateLimit}, which holds back the
 * whole route, the retry included.
 */
final class TransientFailureBackOff implements BackOff {

    private static final Logger log = LoggerFactory.getLogger(TransientFailureBackOff.class);

    private final RunPodProperties.Http settings;
    private final CallAttempts attempts;

    TransientFailureBackOff(RunPodProperties.Http settings, CallAttempts attempts) {
        this.settings = settings;
        this.attempts = attempts;
    }

    @Override
    public BackOffExecution start() {
        ExponentialBackOff exponential = new ExponentialBackOff(settings.retryDelay().toMillis(), settings.retryMultiplier());
        exponential.setMaxInterval(settings.retryMaxDelay().toMillis());
        exponential.setJitter(settings.retryJitter().toMillis());
        exponential.setMaxAttempts(settings.maxRetries());
        BackOffExecution delegate = exponential.start();
        return () -> {
            long delay = delegate.nextBackOff();
            if (delay == BackOffExecution.STOP) {
                return BackOffExecution.STOP;
            }
            TransientHttpFailure last = attempts.lastFailure();
            log.warn("{} failed ({}); retry {} of {} in {} ms", attempts.operation(),
                    last == null ? "unknown" : last.getMessage(), attempts.failures(), settings.maxRetries(), delay);
            return delay;
        };
    }
}
