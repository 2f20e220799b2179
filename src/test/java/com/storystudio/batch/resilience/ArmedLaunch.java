package com.storystudio.batch.resilience;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.storystudio.batch.simulator.ObservedRequest;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.StoryStudioProcess;

/** A launch with a trigger armed before it started, whose action gets the launch itself. */
record ArmedLaunch(StoryStudioProcess process, ObservedTraffic.Trigger trigger) {

    /**
     * Arms {@code action} at the {@code nth} request matching {@code matching}, then launches. The trigger is
     * armed first so that no request of the launch can slip past it; its action waits for the launch handle.
     */
    static ArmedLaunch of(ObservedTraffic traffic, int nth, Predicate<ObservedRequest> matching,
                          Consumer<StoryStudioProcess> action, Supplier<StoryStudioProcess> launch) {
        CompletableFuture<StoryStudioProcess> launched = new CompletableFuture<>();
        ObservedTraffic.Trigger trigger = traffic.onNth(nth, matching, request -> action.accept(launched.join()));
        StoryStudioProcess process;
        try {
            process = launch.get();
        }
        catch (RuntimeException e) {
            traffic.disarm();
            throw e;
        }
        launched.complete(process);
        return new ArmedLaunch(process, trigger);
    }

    static ArmedLaunch at(ObservedTraffic traffic, Moment moment, Consumer<StoryStudioProcess> action,
                          Supplier<StoryStudioProcess> launch) {
        return of(traffic, moment.nth(), moment.matching(), action, launch);
    }
}
