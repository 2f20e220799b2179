package com.storystudio.batch.simulator;

import java.util.Optional;
import java.util.Set;

/** Every route the simulator answers, with the methods it accepts and the counter it feeds. */
enum Route {
    RUN(Set.of("POST"), Counter.RUN_REQUESTS),
    STATUS(Set.of("GET", "POST"), Counter.STATUS_REQUESTS),
    CANCEL(Set.of("POST"), Counter.CANCEL_REQUESTS),
    RETRY(Set.of("POST"), null),
    HEALTH(Set.of("GET"), Counter.HEALTH_REQUESTS),
    PURGE_QUEUE(Set.of("POST"), null),
    GRAPHQL(Set.of("POST"), Counter.GRAPHQL_REQUESTS),
    MANAGEMENT(Set.of("GET", "PATCH"), Counter.MANAGEMENT_REQUESTS),
    VIDEO(Set.of("GET", "HEAD"), null),
    MEDIA(Set.of("GET"), null),
    UNKNOWN(Set.of(), null);

    private final Set<String> methods;
    private final Counter counter;

    Route(Set<String> methods, Counter counter) {
        this.methods = methods;
        this.counter = counter;
    }

    boolean accepts(String method) {
        return methods.contains(method);
    }

    Optional<Counter> counter() {
        return Optional.ofNullable(counter);
    }

    /** Everything but the video and media files needs the API key and is subject to HTTP faults. */
    boolean isApi() {
        return this != VIDEO && this != MEDIA;
    }

    boolean hasBody() {
        return this == RUN || this == GRAPHQL || this == MANAGEMENT;
    }
}
