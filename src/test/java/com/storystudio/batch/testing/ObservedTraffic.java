package com.storystudio.batch.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.storystudio.batch.simulator.ObservedRequest;
import com.storystudio.batch.simulator.RequestObserver;
import com.storystudio.batch.simulator.RunPodSimulator;

/**
 * Every request an emulator answered, recorded from its {@link RequestObserver}, plus one armed trigger: an
 * action run once, at the n-th matching request, after the emulator has done what the request asked and
 * before the answer is sent. That is the moment to kill a client whose {@code /run} has just created a job.
 */
public final class ObservedTraffic implements RequestObserver {

    private static final Pattern SCENE_PROMPT = Pattern.compile("\"prompt\"\\s*:\\s*\"Scene (.+?) speaking\"");
    private static final Pattern JOB_ID = Pattern.compile("/(?:status|cancel)/([^/]+)$");

    private final List<ObservedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<Trigger> trigger = new AtomicReference<>();

    private ObservedTraffic() {
    }

    /** Starts observing {@code remote} (replacing its observer). */
    public static ObservedTraffic of(RunPodSimulator remote) {
        ObservedTraffic traffic = new ObservedTraffic();
        remote.observe(traffic);
        return traffic;
    }

    @Override
    public void answering(ObservedRequest request) {
        requests.add(request);
        Trigger armed = trigger.get();
        if (armed != null && armed.matching.test(request) && armed.seen.incrementAndGet() == armed.nth
                && trigger.compareAndSet(armed, null)) {
            armed.firedAt.set(request);
            armed.action.accept(request);
        }
    }

    /**
     * Arms the one trigger (replacing any unfired one): {@code action} runs on the emulator's request thread
     * at the {@code nth} request (counted from now) that matches, before that request is answered.
     */
    public Trigger onNth(int nth, Predicate<ObservedRequest> matching, Consumer<ObservedRequest> action) {
        Trigger armed = new Trigger(nth, matching, action);
        trigger.set(armed);
        return armed;
    }

    /** Disarms an unfired trigger. */
    public void disarm() {
        trigger.set(null);
    }

    public List<ObservedRequest> requests() {
        return List.copyOf(requests);
    }

    public long count(Predicate<ObservedRequest> matching) {
        return requests.stream().filter(matching).count();
    }

    /** A trigger armed by {@link #onNth}. */
    public static final class Trigger {

        private final int nth;
        private final Predicate<ObservedRequest> matching;
        private final Consumer<ObservedRequest> action;
        private final AtomicInteger seen = new AtomicInteger();
        private final AtomicReference<ObservedRequest> firedAt = new AtomicReference<>();

        private Trigger(int nth, Predicate<ObservedRequest> matching, Consumer<ObservedRequest> action) {
            if (nth < 1) {
                throw new IllegalArgumentException("nth counts from 1, was " + nth);
            }
            this.nth = nth;
            this.matching = matching;
            this.action = action;
        }

        /** The request the action ran at; empty while it has not fired. */
        public Optional<ObservedRequest> firedAt() {
            return Optional.ofNullable(firedAt.get());
        }

        public boolean fired() {
            return firedAt.get() != null;
        }
    }

    // What the requests are, as the tests ask about them.

    public static Predicate<ObservedRequest> route(String route) {
        return request -> request.route().equals(route);
    }

    /** A {@code /run} of a scene written by {@link Storyboard} whose id starts with {@code prefix}. */
    public static Predicate<ObservedRequest> runOfScenes(String prefix) {
        return route("RUN").and(request -> sceneOf(request).filter(scene -> scene.startsWith(prefix)).isPresent());
    }

    /** The GraphQL mutation that gives the endpoint an active worker. */
    public static Predicate<ObservedRequest> enableMutation() {
        return mutationSetting(1);
    }

    /** A GraphQL mutation that sets workersMin to {@code workersMin}. */
    public static Predicate<ObservedRequest> mutationSetting(int workersMin) {
        Pattern field = Pattern.compile("workersMin:\\s*" + workersMin + "\\b");
        return route("GRAPHQL").and(request -> request.body().contains("updateEndpoint")
                && field.matcher(request.body()).find());
    }

    /** The scene id in a {@link Storyboard} scene's prompt ("Scene ID speaking"), for a {@code /run}. */
    public static Optional<String> sceneOf(ObservedRequest request) {
        Matcher prompt = SCENE_PROMPT.matcher(request.body());
        return prompt.find() ? Optional.of(prompt.group(1)) : Optional.empty();
    }

    /** The job id of a {@code /status} or {@code /cancel} request. */
    public static Optional<String> jobIdOf(ObservedRequest request) {
        Matcher path = JOB_ID.matcher(request.path());
        return path.find() ? Optional.of(path.group(1)) : Optional.empty();
    }
}
