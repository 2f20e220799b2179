package com.storystudio.batch.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The discrete-event model of one serverless endpoint: queue, workers, jobs and billing.
 *
 * <p>Every operation first advances the model to the clock's "now", firing each pending event (worker ready,
 * job end, queued job's ttl, idle release) at its own simulated time, in time order. So results and billing
 * do not depend on when or how often anyone looks; a background ticker only keeps the state fresh between
 * requests. One monitor guards everything: the model is small and requests are cheap.
 */
final class EndpointSimulation {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final SimulationClock clock;
    private final Instant origin;
    private final WorkerPool pool;
    private final ExecutionPlanner planner;
    private final long retentionNanos;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Deque<Job> queue = new ArrayDeque<>();
    /** Jobs whose video exists. A video, once there, stays: the video route asks this without taking the lock. */
    private final Set<String> videos = ConcurrentHashMap.newKeySet();
    private final List<Integer> workersMinHistory = new ArrayList<>();
    private EndpointConfig config;
    /** Simulated nanoseconds the model has been advanced to. */
    private long now;
    private long retried;
    private long injectedJobFailures;

    EndpointSimulation(SimulationClock clock, Instant origin, EndpointConfig initial, WorkerPool pool,
                       ExecutionPlanner planner, Duration resultRetention) {
        this.clock = clock;
        this.origin = origin;
        this.pool = pool;
        this.planner = planner;
        this.retentionNanos = resultRetention.toNanos();
        this.config = initial;
        this.workersMinHistory.add(initial.workersMin());
        this.now = clock.elapsedNanos();
        afterChange();
    }

    /** Wires a model from the settings; service times are seeded, faults come from {@code faults}. */
    static EndpointSimulation create(SimulatorSettings settings, SimulationClock clock, Instant origin,
                                     FaultInjector faults, URI baseUrl) {
        ServiceTimeModel serviceTimes = new ServiceTimeModel(settings.meanServiceTime(), settings.serviceTimeCv(),
                new Random(settings.randomSeed()));
        ExecutionPlanner planner = new ExecutionPlanner(serviceTimes, faults, settings.modelLoad().toNanos(),
                baseUrl);
        return new EndpointSimulation(clock, origin, settings.initialEndpoint(),
                new WorkerPool(settings.workerStartup().toNanos()), planner, settings.resultRetention());
    }

    synchronized void advance() {
        catchUp();
    }

    synchronized Instant now() {
        catchUp();
        return origin.plusNanos(now);
    }

    synchronized String submit(JobRequest request) {
        catchUp();
        Job job = new Job(UUID.randomUUID() + "-e1", request, now);
        jobs.put(job.id(), job);
        queue.addLast(job);
        afterChange();
        return job.id();
    }

    /** Empty if the job is unknown or its result has expired. */
    synchronized Optional<JobView> status(String id) {
        catchUp();
        return visible(id).map(job -> job.view(now));
    }

    /** Cancels a queued or running job; a finished one is left as it is. Empty if unknown or expired. */
    synchronized Optional<JobView> cancel(String id) {
        catchUp();
        Optional<Job> found = visible(id);
        found.ifPresent(job -> {
            if (job.status() == JobStatus.IN_QUEUE) {
                queue.remove(job);
                job.finish(now, JobStatus.CANCELLED, null, null);
            } else if (job.status() == JobStatus.IN_PROGRESS) {
                freeWorkerOf(job);
                job.finish(now, JobStatus.CANCELLED, null, null);
            }
        });
        afterChange();
        return found.map(job -> job.view(now));
    }

    synchronized RetryOutcome retry(String id) {
        catchUp();
        Job job = jobs.get(id);
        if (job == null) {
            return RetryOutcome.NOT_FOUND;
        }
        if (!job.status().isRetryable() || job.isExpired(now, retentionNanos)) {
            return RetryOutcome.NOT_RETRYABLE;
        }
        job.requeue(now);
        queue.addLast(job);
        retried++;
        afterChange();
        return RetryOutcome.RETRIED;
    }

    /** Cancels every queued job and returns how many there were. */
    synchronized int purgeQueue() {
        catchUp();
        int removed = queue.size();
        queue.forEach(job -> job.finish(now, JobStatus.CANCELLED, null, null));
        queue.clear();
        afterChange();
        return removed;
    }

    synchronized HealthView health() {
        catchUp();
        Map<JobStatus, Integer> byStatus = new EnumMap<>(JobStatus.class);
        jobs.values().forEach(job -> byStatus.merge(job.status(), 1, Integer::sum));
        return new HealthView(byStatus.getOrDefault(JobStatus.COMPLETED, 0),
                byStatus.getOrDefault(JobStatus.FAILED, 0) + byStatus.getOrDefault(JobStatus.TIMED_OUT, 0),
                byStatus.getOrDefault(JobStatus.IN_PROGRESS, 0), byStatus.getOrDefault(JobStatus.IN_QUEUE, 0),
                retried, pool.count(WorkerState.IDLE), pool.count(WorkerState.INITIALIZING),
                pool.count(WorkerState.BUSY));
    }

    synchronized EndpointView endpoint() {
        catchUp();
        List<EndpointView.WorkerView> workers = pool.all().stream()
                .map(w -> new EndpointView.WorkerView(w.id(),
                        w.state() == WorkerState.INITIALIZING ? "INITIALIZING" : "RUNNING"))
                .toList();
        return new EndpointView(config, workers);
    }

    /** Applies a partial change; throws IllegalArgumentException if the result would be invalid. */
    synchronized EndpointConfig update(EndpointUpdate update) {
        catchUp();
        return reconfigure(update.applyTo(config));
    }

    synchronized EndpointConfig replace(EndpointConfig replacement) {
        catchUp();
        return reconfigure(replacement);
    }

    synchronized List<SimulatedJob> jobs() {
        catchUp();
        return jobs.values().stream().map(job -> job.snapshot(origin)).toList();
    }

    /** Videos stay downloadable after the status has expired: they live in the user's storage, not in RunPod. */
    boolean hasVideo(String id) {
        if (videos.contains(id)) {
            return true;
        }
        synchronized (this) {
            // Up to the clock first: a job that has ended by now has its video, whether or not the ticker has run since.
            catchUp();
            return videos.contains(id);
        }
    }

    synchronized ModelSnapshot snapshot() {
        catchUp();
        return new ModelSnapshot(jobs.size(), injectedJobFailures, config.workersMin(),
                List.copyOf(workersMinHistory), pool.billing(now));
    }

    private EndpointConfig reconfigure(EndpointConfig next) {
        EndpointConfig previous = config;
        config = next;
        if (next.workersMin() != previous.workersMin()) {
            workersMinHistory.add(next.workersMin());
        }
        if (next.workersMin() < previous.workersMin()) {
            releaseSurplus();
        }
        afterChange();
        return config;
    }

    /**
     * Lowering workersMin releases idle workers beyond the new minimum at once, and starting workers the queue
     * does not need; busy workers finish their job and then follow the idle timeout like flex workers.
     */
    private void releaseSurplus() {
        while (pool.size() > config.workersMin()) {
            Optional<Worker> surplus = pool.nextIdleToRelease().or(() ->
                    pool.count(WorkerState.INITIALIZING) > queue.size() ? pool.newestInitializing() : Optional.empty());
            if (surplus.isEmpty()) {
                return;
            }
            pool.release(surplus.get(), now);
        }
    }

    private Optional<Job> visible(String id) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> !job.isExpired(now, retentionNanos));
    }

    private void catchUp() {
        advanceTo(clock.elapsedNanos());
    }

    /** A change at "now" may start jobs or workers, and a zero-length startup makes them ready at once. */
    private void afterChange() {
        settle();
        advanceTo(now);
    }

    private void advanceTo(long target) {
        for (Optional<Event> next = nextEvent(); next.isPresent() && next.get().at() <= target; next = nextEvent()) {
            now = Math.max(now, next.get().at());
            next.get().action().run();
            settle();
        }
        now = Math.max(now, target);
    }

    /** Hands queued jobs to idle workers, then spawns workers for the minimum and for waiting jobs. */
    private void settle() {
        for (Optional<Worker> idle = pool.nextForDispatch(); idle.isPresent() && !queue.isEmpty();
             idle = pool.nextForDispatch()) {
            start(queue.pollFirst(), idle.get());
        }
        while (pool.size() < config.workersMin()) {
            pool.spawn(now);
        }
        while (queue.size() > pool.count(WorkerState.INITIALIZING) && pool.size() < config.workersMax()) {
            pool.spawn(now);
        }
    }

    private void start(Job job, Worker worker) {
        job.start(now, planner.plan(job, worker.modelLoaded(), now));
        pool.assign(worker, job, now);
    }

    private void finishExecution(Worker worker) {
        Job job = worker.job();
        ExecutionPlan plan = job.plan();
        if (plan.injectedFault()) {
            injectedJobFailures++;
        }
        freeWorkerOf(job);
        job.finish(now, plan.outcome(), plan.error(), plan.output());
        if (job.hasVideo()) {
            videos.add(job.id());
        }
    }

    private void freeWorkerOf(Job job) {
        Worker worker = pool.all().stream().filter(w -> w.job() == job).findFirst().orElseThrow();
        if (now >= job.plan().modelReadyAt()) {
            worker.markModelLoaded();
        }
        pool.becomeIdle(worker, now);
    }

    private void expireInQueue(Job job) {
        queue.remove(job);
        job.finish(now, JobStatus.TIMED_OUT, ExecutionPlanner.TTL_ERROR, null);
    }

    /** The earliest pending event, or empty if nothing will happen without outside action. */
    private Optional<Event> nextEvent() {
        Event earliest = null;
        for (Worker worker : pool.all()) {
            earliest = earlier(earliest, eventOf(worker));
        }
        for (Job job : queue) {
            earliest = earlier(earliest, new Event(job.ttlDeadline(), () -> expireInQueue(job)));
        }
        return Optional.ofNullable(earliest);
    }

    private Event eventOf(Worker worker) {
        return switch (worker.state()) {
            case INITIALIZING -> new Event(worker.readyAt(), () -> pool.becomeIdle(worker, now));
            case BUSY -> new Event(worker.job().plan().endAt(), () -> finishExecution(worker));
            // Only workers beyond the minimum time out; which one stays is decided by who idles longest.
            case IDLE -> pool.size() > config.workersMin()
                    ? new Event(worker.stateSince() + config.idleTimeoutSeconds() * NANOS_PER_SECOND,
                    () -> pool.release(worker, now))
                    : null;
        };
    }

    private static Event earlier(Event current, Event candidate) {
        return candidate == null || (current != null && current.at() <= candidate.at()) ? current : candidate;
    }

    private record Event(long at, Runnable action) {
    }
}
