package com.storystudio.batch.simulator;

/**
 * Told about every request the simulator answers, after the answer has been worked out (a {@code /run} has
 * already created its job, a mutation has already changed the endpoint) and before it is written to the
 * connection. A test can therefore act at the exact moment a client is waiting for an answer, for example kill
 * the client so that the answer is never read.
 * <p>
 * Called on the server's request threads, possibly several at once; the request's answer waits until the
 * observer returns. An exception thrown here is logged and the answer is sent anyway.
 */
@FunctionalInterface
public interface RequestObserver {

    /** Observes nothing: the simulator's initial observer. */
    RequestObserver NONE = request -> {
    };

    void answering(ObservedRequest request);
}
