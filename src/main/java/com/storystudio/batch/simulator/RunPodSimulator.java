package com.storystudio.batch.simulator;

import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A RunPod serverless endpoint running the Wan2.2 S2V worker, emulated on 127.0.0.1: the job API under
 * {@code /v2/{endpointId}/}, the GraphQL worker settings at {@code /graphql}, the REST management API at
 * {@code /v2/serverless/{endpointId}} and the generated videos under {@code /videos/}. Time runs
 * {@code timeScale} times faster than real time, so a project's duration and cost can be rehearsed quickly.
 */
public final class RunPodSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunPodSimulator.class);
    /** Keeps fault draws independent of service-time draws, so switching a fault on does not reshuffle times. */
    private static final long FAULT_SEED_SALT = 0x5DEECE66DL;
    private static final long TICK_MILLIS = 5;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double SECONDS_PER_HOUR = 3600;

    private final SimulatorSettings settings;
    private final SimulatorHttpServer http;
    private final EndpointSimulation simulation;
    private final SimulatorFaults faults;
    private final MediaLibrary media;
    private final RequestCounters counters;
    private final RequestDispatcher dispatcher;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RunPodSimulator(SimulatorSettings settings, SimulatorHttpServer http, EndpointSimulation simulation,
                            SimulatorFaults faults, MediaLibrary media, RequestCounters counters, RequestDispatcher dispatcher,
                            ScheduledExecutorService ticker) {
        this.settings = settings;
        this.http = http;
        this.simulation = simulation;
        this.faults = faults;
        this.media = media;
        this.counters = counters;
        this.dispatcher = dispatcher;
        this.ticker = ticker;
    }

    /** Starts the HTTP server and the model clock. */
    public static RunPodSimulator start(SimulatorSettings settings) {
        return start(settings, new ScaledClock(settings.timeScale()));
    }

    /** On a clock of the caller's: for tests that drive simulated time by hand. */
    public static RunPodSimulator start(SimulatorSettings settings, SimulationClock clock) {
        SimulatorHttpServer http = SimulatorHttpServer.bind(settings.port());
        try {
            return assemble(settings, clock, http);
        } catch (RuntimeException e) {
            http.stop();
            throw e;
        }
    }

    private static RunPodSimulator assemble(SimulatorSettings settings, SimulationClock clock,
                                            SimulatorHttpServer http) {
        JsonCodec json = new JsonCodec(JsonMapper.builder().build());
        SimulatorFaults faults = new SimulatorFaults();
        FaultInjector injector = new FaultInjector(faults, new Random(settings.randomSeed() ^ FAULT_SEED_SALT));
        RequestCounters counters = new RequestCounters();
        EndpointSimulation simulation = EndpointSimulation.create(settings, clock, Instant.now(), injector,
                http.baseUrl());

        MediaLibrary media = new MediaLibrary(http.baseUrl());
        JobApi jobs = new JobApi(simulation, new JobRequestParser(json, new InputValidator(media), new AudioClips()), injector, counters,
                json);
        GraphQlApi graphQl = new GraphQlApi(simulation, new GraphQlParser(new GraphQlLexer()), settings.endpointId(),
                json);
        Map<Route, RouteHandler> handlers = new EnumMap<>(Route.class);
        handlers.put(Route.RUN, jobs::run);
        handlers.put(Route.STATUS, jobs::status);
        handlers.put(Route.CANCEL, jobs::cancel);
        handlers.put(Route.RETRY, jobs::retry);
        handlers.put(Route.HEALTH, jobs::health);
        handlers.put(Route.PURGE_QUEUE, jobs::purgeQueue);
        handlers.put(Route.GRAPHQL, graphQl::handle);
        handlers.put(Route.MANAGEMENT, new ManagementApi(simulation, json)::handle);
        handlers.put(Route.VIDEO, new VideoApi(simulation, injector, json)::handle);
        handlers.put(Route.MEDIA, new MediaApi(media, faults, json)::handle);

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "runpod-sim-clock");
            thread.setDaemon(true);
            return thread;
        });
        RequestDispatcher dispatcher = new RequestDispatcher(settings.endpointId(), settings.apiKey(), injector,
                new RequestLimiter(settings.requestLimits(), clock), counters, json, handlers);
        http.start(dispatcher);
        RunPodSimulator simulator = new RunPodSimulator(settings, http, simulation, faults, media, counters, dispatcher,
                ticker);
        // Requests advance the model themselves; the ticker keeps it current for observers between requests.
        ticker.scheduleWithFixedDelay(simulator::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        log.info("RunPod simulator for endpoint {} listening on {} (time scale {}x)", settings.endpointId(),
                http.baseUrl(), settings.timeScale());
        return simulator;
    }

    /** http://127.0.0.1:PORT, without a trailing slash. */
    public URI baseUrl() {
        return http.baseUrl();
    }

    public String endpointId() {
        return settings.endpointId();
    }

    public String apiKey() {
        return settings.apiKey();
    }

    /**
     * Serves {@code content} at the URL returned ({@code /media/{name}}, no API key, byte ranges answered), as a
     * storage bucket would: a job whose audio is that URL runs as long as the file plays.
     */
    public URI serveMedia(String name, byte[] content) {
        return media.put(name, content.clone());
    }

    /** The live fault switches; changes apply to the next request or job. */
    public SimulatorFaults faults() {
        return faults;
    }

    /**
     * Sets the one observer of every request from now on, replacing the previous one; {@code null} or
     * {@link RequestObserver#NONE} stops observing. See {@link RequestObserver} for when it is called.
     */
    public void observe(RequestObserver observer) {
        dispatcher.observe(observer);
    }

    public SimulatorStats stats() {
        ModelSnapshot model = simulation.snapshot();
        RequestCounters.Snapshot requests = counters.snapshot();
        BillingTotals billing = model.billing();
        double execution = billing.executionNanos() / NANOS_PER_SECOND;
        double coldStart = billing.coldStartNanos() / NANOS_PER_SECOND;
        double idle = billing.idleNanos() / NANOS_PER_SECOND;
        // Summed in this order so that the documented identity holds exactly, not just within rounding.
        double billed = execution + coldStart + idle;
        return new SimulatorStats(requests.get(Counter.RUN_REQUESTS), model.jobsCreated(),
                requests.get(Counter.STATUS_REQUESTS), requests.get(Counter.CANCEL_REQUESTS),
                requests.get(Counter.HEALTH_REQUESTS), requests.get(Counter.GRAPHQL_REQUESTS),
                requests.get(Counter.MANAGEMENT_REQUESTS), requests.get(Counter.INJECTED_HTTP_500),
                requests.get(Counter.INJECTED_HTTP_429), requests.get(Counter.RATE_LIMITED_REQUESTS),
                requests.get(Counter.DROPPED_CONNECTIONS),
                requests.get(Counter.LOST_RUN_RESPONSES), model.injectedJobFailures(),
                requests.get(Counter.UNAUTHORIZED_REQUESTS), model.workersMin(), model.workersMinHistory(),
                billed, execution, coldStart, idle, billed / SECONDS_PER_HOUR * settings.gpuDollarsPerHour());
    }

    /** Every job ever created, in creation order, including those whose result has expired. */
    public List<SimulatedJob> jobs() {
        return simulation.jobs();
    }

    public EndpointConfig endpoint() {
        return simulation.endpoint().config();
    }

    /** Replaces the endpoint's settings, as if changed in RunPod's console; recorded in workersMinHistory. */
    public void setEndpoint(EndpointConfig config) {
        simulation.replace(config);
    }

    public Instant simulatedNow() {
        return simulation.now();
    }

    /** Stops the server and the clock; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ticker.shutdownNow();
        http.stop();
        log.info("RunPod simulator on {} stopped", http.baseUrl());
    }

    private void tick() {
        try {
            simulation.advance();
        } catch (RuntimeException e) {
            // A failing tick must not kill the ticker: requests would still advance the model, but observers not.
            log.warn("RunPod simulator clock tick failed", e);
        }
    }
}
