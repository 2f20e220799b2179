package com.storystudio.batch.runpod;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Exponential backoff with jitter that stops at the call's {@link RetryBudget} and logs each retry with
 * its reason. One instance per call: it reads that call's {@link CallAttempts}, which the framework's
 * backoff API cannot see, and notes there why it gave up. A 429's {@code Retry-After} is not waited for
 * here but in {@link RequestRateLimit}, which holds back the whole route, the retry included; the
 * budget counts it all the same.
 */
final class TransientFailureBackOff implements BackOff {

    private static final Logger log = LoggerFactory.getLogger(TransientFailureBackOff.class);

    private final RunPodProperties.Http settings;
    private final RetryBudget budget;
    private final CallAttempts attempts;

    TransientFailureBackOff(RunPodProperties.Http settings, RetryBudget budget, CallAttempts attempts) {
        this.settings = settings;
        this.budget = budget;
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
            // A Retry-After is waited out in the rate limit, after this delay: the budget counts the longer of the two.
            long wait = last == null ? delay : Math.max(delay, last.pause().toMillis());
            Optional<String> refusal = budget.refusal(Duration.ofMillis(wait));
            if (refusal.isPresent()) {
                attempts.gaveUp(refusal.get());
                return BackOffExecution.STOP;
            }
            log.warn("{} failed ({}); retry {} of {} in {} ms", attempts.operation(),
                    last == null ? "unknown" : last.getMessage(), attempts.failures(), settings.maxRetries(), delay);
            return delay;
        };
    }
}
