package com.storystudio.batch.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import com.storystudio.batch.runpod.RunPodCallListener;
import com.storystudio.batch.runpod.RunPodRoute;

/**
 * {@code storystudio.runpod.requests} (route, outcome): every HTTP attempt the RunPod client made, and
 * {@code storystudio.runpod.retries} (route): the attempts that followed a transient failure.
 */
@Component
public class RunPodRequestMeters implements RunPodCallListener {

    static final String REQUESTS = "storystudio.runpod.requests";
    static final String RETRIES = "storystudio.runpod.retries";

    private final MeterRegistry registry;

    public RunPodRequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void attempted(RunPodRoute route, Outcome outcome) {
        Counter.builder(REQUESTS).description("HTTP requests to RunPod, each attempt of a call counted")
                .tag("route", tag(route)).tag("outcome", outcome.tag()).register(registry).increment();
    }

    @Override
    public void retrying(RunPodRoute route) {
        Counter.builder(RETRIES).description("RunPod requests sent again after a transient failure")
                .tag("route", tag(route)).register(registry).increment();
    }

    private static String tag(RunPodRoute route) {
        return route.name().toLowerCase(Locale.ROOT);
    }
}
