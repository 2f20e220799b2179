package com.storystudio.batch.runpod;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the client reaches RunPod, under {@code runpod.*}: where and as whom, which API scales the
 * endpoint, the HTTP behaviour, the request limits and the policy sent with every job. The endpoint
 * id and API key usually come from the environment ({@code RUNPOD_ENDPOINT_ID}, {@code RUNPOD_API_KEY};
 * mapped in application.properties). How the run uses RunPod (polling, attempts, scaling) is configured
 * with the capability that does it.
 *
 * @param executionTimeout sent as {@code policy.executionTimeout}: RunPod's 10-minute default is
 *                         too short for S2V generation, so it is always set explicitly
 * @param ttl              sent as {@code policy.ttl}: a hard limit on a job's whole life, queue included
 */
@ConfigurationProperties("runpod")
public record RunPodProperties(
        @DefaultValue("https://api.runpod.ai") URI baseUrl,
        @DefaultValue("https://api.runpod.io") URI managementUrl,
        String endpointId,
        String apiKey,
        @DefaultValue("graphql") WorkerControlMode workerControl,
        @DefaultValue("60m") Duration executionTimeout,
        @DefaultValue("24h") Duration ttl,
        @DefaultValue Http http,
        @DefaultValue RateLimit rateLimit) {

    public RunPodConnection connection() {
        return new RunPodConnection(baseUrl, managementUrl, endpointId, new ApiKey(apiKey));
    }

    public JobPolicy jobPolicy() {
        return new JobPolicy(executionTimeout, ttl);
    }

    /** Never print the key, whatever prints this record. */
    @Override
    public String toString() {
        return "RunPodProperties[baseUrl=%s, managementUrl=%s, endpointId=%s, apiKey=%s, workerControl=%s]"
                .formatted(baseUrl, managementUrl, endpointId, new ApiKey(apiKey), workerControl);
    }

    /**
     * HTTP behaviour: timeouts and the retry of transient failures (5xx, 429, I/O errors) with
     * exponential backoff and jitter. Plain {@code http://} is spoken as HTTP/1.1, TLS as HTTP/2.
     *
     * @param maxRetryTime how long one call goes on retrying, counted from its start, the attempts' own
     *                     time included (see {@link RetryBudget}); with {@code max-retries} whichever
     *                     comes first ends the call
     */
    public record Http(
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("120s") Duration requestTimeout,
            @DefaultValue("6") int maxRetries,
            @DefaultValue("1s") Duration retryDelay,
            @DefaultValue("2.0") double retryMultiplier,
            @DefaultValue("60s") Duration retryMaxDelay,
            @DefaultValue("500ms") Duration retryJitter,
            @DefaultValue("60s") Duration maxRetryTime) {

        public Http {
            if (maxRetryTime == null || maxRetryTime.isNegative()) {
                throw new IllegalArgumentException("runpod.http.max-retry-time must not be negative, was " + maxRetryTime);
            }
        }
    }

    /**
     * RunPod's per-endpoint request limits, kept by the client over a sliding {@code window}. Against
     * an emulator whose time runs faster, shrink the window by the same factor (10s at 1000x: 10ms).
     */
    public record RateLimit(
            @DefaultValue("10s") Duration window,
            @DefaultValue("1000") int run,
            @DefaultValue("2000") int status,
            @DefaultValue("100") int cancel) {

        public RateLimit {
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("runpod.rate-limit.window must be positive, was " + window);
            }
            if (run < 1 || status < 1 || cancel < 1) {
                throw new IllegalArgumentException("runpod.rate-limit.run, status and cancel must be at least 1");
            }
        }

        /** Requests per window; 0 for the routes RunPod does not limit. */
        int limitOf(RunPodRoute route) {
            return switch (route) {
                case RUN -> run;
                case STATUS -> status;
                case CANCEL -> cancel;
                case HEALTH, MANAGEMENT -> 0;
            };
        }
    }
}
