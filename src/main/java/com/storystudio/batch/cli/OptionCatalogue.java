package com.storystudio.batch.cli;

import static com.storystudio.batch.cli.OptionSpec.choice;
import static com.storystudio.batch.cli.OptionSpec.flag;
import static com.storystudio.batch.cli.OptionSpec.value;
import static com.storystudio.batch.cli.ValueKind.COUNT;
import static com.storystudio.batch.cli.ValueKind.DURATION;
import static com.storystudio.batch.cli.ValueKind.NON_NEGATIVE;
import static com.storystudio.batch.cli.ValueKind.PATH;
import static com.storystudio.batch.cli.ValueKind.POSITIVE_DURATION;
import static com.storystudio.batch.cli.ValueKind.POSITIVE_NUMBER;
import static com.storystudio.batch.cli.ValueKind.SHARE;
import static com.storystudio.batch.cli.ValueKind.TEXT;
import static com.storystudio.batch.cli.ValueKind.URL;
import static com.storystudio.batch.cli.ValueKind.WHOLE_NUMBER;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every option the application has: each command's own, then the settings every command shares
 * (bound by Spring Boot to the {@code @ConfigurationProperties} records, which a test keeps in step
 * with this list). The one source of {@code --help} and of the check that runs before anything starts.
 */
final class OptionCatalogue {

    static final OptionSpec HELP = flag("help", "this text (also -h)");

    private static final OptionSpec INPUT = value("input", PATH, "FILE", "the scenes CSV (required)");
    private static final OptionSpec OUTPUT_DIR = value("output-dir", PATH, "DIR", "results CSV, report and videos (default: output)");
    private static final OptionSpec SIMULATE = flag("simulate", "use the built-in RunPod emulator instead of the cloud");

    /** What a run of one input accepts besides the input itself; the inbox's run of each file accepts the same. */
    private static final List<OptionSpec> RUN_OPTIONS = runOptions();

    static final CommandSpec RUN = run();

    static final CommandSpec INBOX = inbox();

    static final CommandSpec RESTORE_WORKER = restoreWorker();

    static final CommandSpec ESTIMATE = estimate();

    static final CommandSpec REPORT = report();

    static final CommandSpec LIST = OnCallSpecs.list(SIMULATE);

    static final CommandSpec SHOW = OnCallSpecs.show(SIMULATE);

    static final CommandSpec ABANDON = OnCallSpecs.abandon(SIMULATE);

    static final CommandSpec CANCEL_JOBS = OnCallSpecs.cancelJobs(SIMULATE);

    static final CommandSpec HEALTH = OnCallSpecs.health(SIMULATE);

    /** In the order {@code --help} shows them. */
    static final List<CommandSpec> COMMANDS = List.of(RUN, INBOX, ESTIMATE, REPORT, RESTORE_WORKER, LIST, SHOW, ABANDON, CANCEL_JOBS,
            HEALTH);

    static final List<OptionSpec> RUNPOD = runpod();

    static final List<OptionSpec> STORYSTUDIO = storystudio();

    static final List<OptionSpec> SIMULATOR = simulator();

    /**
     * Spring Boot's own settings, given as {@code --spring.datasource.url=...}: checked against the
     * names Spring Boot describes (see {@link SpringSettingNames}), not listed here.
     */
    static final List<String> SPRING_PREFIXES = List.of("spring.", "logging.", "management.", "server.", "debug", "trace");

    /** Shown in {@code --help} besides the settings above. */
    static final OptionSpec DATASOURCE = value("spring.datasource.url", TEXT, "URL", "job database (default: H2 file under data/)");

    /** Spring Boot's own settings for logs and metrics, shown in {@code --help} (README, "Metrics and logs"). */
    static final List<OptionSpec> OBSERVABILITY = List.of(
            choice("logging.structured.format.console", List.of("ecs", "logstash"), """
                    log lines as JSON, with the input, the execution, the
                    scene and its RunPod job as fields (default: plain text)"""),
            value("management.prometheus.metrics.export.pushgateway.enabled", TEXT, "true", """
                    push the run's metrics to a Prometheus Pushgateway, every
                    minute and at the end (with ...pushgateway.address=HOST:PORT)"""));

    private OptionCatalogue() {
    }

    private static CommandSpec run() {
        return new CommandSpec(Optional.empty(), "--input=FILE [options]",
                Stream.concat(Stream.of(INPUT), RUN_OPTIONS.stream()).toList(), List.of("input"));
    }

    /** Named by its own option: {@code --inbox=DIR} and {@code --input} exclude each other. */
    private static CommandSpec inbox() {
        return new CommandSpec(Optional.of("inbox"), "--inbox=DIR [options]",
                Stream.concat(Stream.of(value("inbox", PATH, "DIR", """
                        run every *.csv in DIR in name order, each as its own
                        input (new ones start, failed or stopped ones continue,
                        done ones are skipped); exit code: the worst file's""")),
                        RUN_OPTIONS.stream().filter(option -> !option.name().equals("regenerate"))).toList(),
                List.of());
    }

    private static List<OptionSpec> runOptions() {
        return List.of(
                OUTPUT_DIR,
                SIMULATE,
                flag("download", """
                        fetch each finished video into DIR/videos/SCENE_ID.mp4 as
                        soon as it is seen (a re-run skips the ones on disk)"""),
                value("max-in-flight", COUNT, "N", """
                        scenes on RunPod at once (default: two per worker of the
                        endpoint's workersMax, or 4 if it cannot be read)"""),
                choice("submission-order", List.of("longest-first", "input"), """
                        longest-first (default: most audio x steps x pixels first,
                        so the workers finish together) or input"""),
                flag("regenerate", """
                        pay for new videos even where an earlier run of the same
                        scene content has one (otherwise that video is reused)"""),
                flag("cancel-on-stop", """
                        on SIGTERM/Ctrl-C cancel the jobs in flight on RunPod
                        (default: leave them to finish; the re-run picks them up)"""));
    }

    private static CommandSpec restoreWorker() {
        return new CommandSpec(Optional.of("restore-worker"), "--restore-worker [--runpod.* options]",
                List.of(flag("restore-worker", """
                        put the endpoint's scaling back to what it was before a
                        run changed it, now, whatever runs are alive; then exit
                        (gives up within --storystudio.stop-timeout)""")),
                List.of());
    }

    private static CommandSpec estimate() {
        return new CommandSpec(Optional.of("estimate"), "--estimate --input=FILE [--simulate]",
                List.of(flag("estimate", """
                                check the input and print what it would cost and take on
                                the endpoint's workers; changes and submits nothing"""),
                        INPUT, SIMULATE),
                List.of("input"));
    }

    private static CommandSpec report() {
        return new CommandSpec(Optional.of("report"), "report --input=FILE [--output-dir=DIR] [--simulate]",
                List.of(flag("report", """
                                write DIR/NAME-report.html again from the job database (DIR:
                                the run's own unless given); also written at every run's end"""),
                        INPUT, OUTPUT_DIR, SIMULATE),
                List.of("input"));
    }

    private static List<OptionSpec> runpod() {
        return List.of(
                value("runpod.base-url", URL, "URL", "RunPod API (env RUNPOD_BASE_URL; default https://api.runpod.ai)"),
                value("runpod.endpoint-id", TEXT, "ID", "the serverless endpoint (env RUNPOD_ENDPOINT_ID)"),
                value("runpod.api-key", TEXT, "KEY", "the API key (env RUNPOD_API_KEY; prefer the environment)"),
                choice("runpod.worker-control", List.of("graphql", "rest", "none"), "how the worker is scaled (default graphql)"),
                value("runpod.management-url", URL, "URL", "for worker-control=rest (default https://api.runpod.io)"),
                value("runpod.poll-interval", POSITIVE_DURATION, "DURATION", "the longest a job's end goes unnoticed (default 10s)"),
                value("runpod.max-poll-interval", POSITIVE_DURATION, "DURATION", "the longest wait between status checks of one job (120s)"),
                value("runpod.idle-timeout", DURATION, "DURATION", "idle timeout set while the worker is enabled (default 300s)"),
                value("runpod.max-attempts", COUNT, "N", "remote jobs per scene before it is FAILED (default 3)"),
                value("runpod.execution-timeout", POSITIVE_DURATION, "DURATION", "sent as policy.executionTimeout (default 60m)"),
                value("runpod.ttl", POSITIVE_DURATION, "DURATION", "sent as policy.ttl (default 24h)"),
                value("runpod.gpu-price-per-hour", POSITIVE_NUMBER, "X", """
                        dollars per GPU hour, for the cost in the summary and the
                        results (default 1.89, an A100)"""),
                value("runpod.rate-limit.window", POSITIVE_DURATION, "DURATION", "RunPod's request-limit window (default 10s)"),
                value("runpod.rate-limit.run", COUNT, "N", "/run requests per window (default 1000)"),
                value("runpod.rate-limit.status", COUNT, "N", "/status requests per window (default 2000)"),
                value("runpod.rate-limit.cancel", COUNT, "N", "/cancel requests per window (default 100)"),
                value("runpod.http.connect-timeout", POSITIVE_DURATION, "DURATION", "to open a connection (default 10s)"),
                value("runpod.http.request-timeout", POSITIVE_DURATION, "DURATION", "for one answer (default 120s)"),
                value("runpod.http.max-retries", NON_NEGATIVE, "N", "retries of a call on 5xx, 429 and I/O errors (default 6)"),
                value("runpod.http.max-retry-time", DURATION, "DURATION", """
                        the longest one call keeps retrying, from its start
                        (default 60s)"""),
                value("runpod.http.retry-delay", DURATION, "DURATION", "first wait before a retry (default 1s), then growing"),
                value("runpod.http.retry-multiplier", POSITIVE_NUMBER, "X", "growth of the wait per retry (default 2.0)"),
                value("runpod.http.retry-max-delay", DURATION, "DURATION", "longest wait before a retry (default 60s)"),
                value("runpod.http.retry-jitter", DURATION, "DURATION", "random spread of the waits (default 500ms)"));
    }

    private static List<OptionSpec> storystudio() {
        return List.of(
                value("storystudio.tail-idle-timeout", DURATION, "DURATION", """
                        idle timeout once every scene is submitted (default 5s;
                        0s keeps --runpod.idle-timeout)"""),
                value("storystudio.scene-deadline", POSITIVE_DURATION, "DURATION", """
                        a job still queued or running this long is cancelled and
                        retried (default 90m)"""),
                value("storystudio.stop-after-failures", NON_NEGATIVE, "N", """
                        stop submitting when the run's first N attempts all failed
                        (default 5; 0: never)"""),
                value("storystudio.max-failed-share", SHARE, "X", """
                        ... or when more than this share of its finished scenes
                        failed (default 0.5)"""),
                value("storystudio.stop-timeout", POSITIVE_DURATION, "DURATION", """
                    from SIGTERM or Ctrl-C, the process ends within this
                    (default 60s; keep it below the scheduler's own)"""),
            value("storystudio.resubmit-delay", DURATION, "DURATION", "wait before resubmitting after a transient failure (30s)"),
                value("storystudio.max-in-flight", NON_NEGATIVE, "N", "as --max-in-flight; 0 derives it from the endpoint"),
                choice("storystudio.submission-order", List.of("longest-first", "input"), "as --submission-order"),
                value("storystudio.restore-attempts", COUNT, "N", "tries to put the worker back (default 3)"),
                value("storystudio.restore-retry-delay", DURATION, "DURATION", "wait after a failed restore, doubling (default 5s)"),
                value("storystudio.heartbeat-interval", POSITIVE_DURATION, "DURATION", "how often a run says it is alive (default 10s)"),
                value("storystudio.heartbeat-timeout", POSITIVE_DURATION, "DURATION", """
                        a run on another host silent this long is taken for dead
                        (default 60s)"""),
                value("storystudio.results-csv-interval", DURATION, "DURATION", "shortest time between rewrites of the results CSV (2s)"),
                value("storystudio.progress-interval", DURATION, "DURATION", """
                        time between progress lines while generating (default 30s;
                        one is also said at every tenth of the scenes; 0s: only then)"""),
                value("storystudio.download.concurrency", COUNT, "N", "with --download: videos fetched at once (default 4)"),
                value("storystudio.download.attempts", COUNT, "N", """
                        tries per video on I/O errors, 5xx, 429 or a body cut
                        short (default 4)"""),
                value("storystudio.download.retry-delay", DURATION, "DURATION", "wait before the second try, then doubling (1s)"),
                value("storystudio.download.connect-timeout", POSITIVE_DURATION, "DURATION", "to open a video's connection (10s)"),
                value("storystudio.download.read-timeout", POSITIVE_DURATION, "DURATION", "longest wait for a video's next bytes (60s)"),
                value("storystudio.download.probe-timeout", POSITIVE_DURATION, "DURATION", """
                        for checking that a reused video's URL still answers
                        (default 5s)"""),
                value("storystudio.audio-probe.timeout", POSITIVE_DURATION, "DURATION", """
                        the longest reading one audio URL's length may take
                        (default 5s; then it counts as the average)"""),
                value("storystudio.audio-probe.concurrency", COUNT, "N", "audio URLs whose length is read at once (default 4)"),
                value("storystudio.audio-probe.budget", DURATION, "DURATION", """
                        the longest reading all audio URLs' lengths may take
                        before a run (default 30s; 0s: never read them)"""));
    }

    private static List<OptionSpec> simulator() {
        return List.of(
                value("simulator.time-scale", POSITIVE_NUMBER, "X", "simulated seconds per real second (default 600)"),
                value("simulator.workers-max", COUNT, "N", "the emulated endpoint's workersMax (default 3)"),
                value("simulator.workers-min", NON_NEGATIVE, "N", "its workersMin at start (default 0)"),
                value("simulator.idle-timeout-seconds", NON_NEGATIVE, "N", "its idle timeout at start (default 5)"),
                value("simulator.worker-startup", DURATION, "DURATION", "a worker's cold start (default 60s)"),
                value("simulator.model-load", DURATION, "DURATION", "loading the model on a new worker (default 10m)"),
                value("simulator.mean-service-time", POSITIVE_DURATION, "DURATION", "a job's mean time per 5-second clip (150s)"),
                value("simulator.service-time-cv", SHARE, "X", "spread of the jobs' times (default 0.3)"),
                value("simulator.result-retention", POSITIVE_DURATION, "DURATION", "how long a result is kept (default 30m)"),
                value("simulator.gpu-dollars-per-hour", POSITIVE_NUMBER, "X", "price of a worker hour (default 1.89)"),
                value("simulator.seed", WHOLE_NUMBER, "N", "random seed (default 42)"),
                value("simulator.faults.http500-rate", SHARE, "X", "share of requests answered HTTP 500 (default 0)"),
                value("simulator.faults.http429-rate", SHARE, "X", "... answered 429 (default 0)"),
                value("simulator.faults.drop-connection-rate", SHARE, "X", "... whose connection is dropped (default 0)"),
                value("simulator.faults.lost-run-response-rate", SHARE, "X", "/run requests served but not answered (default 0)"),
                value("simulator.faults.transient-job-failure-rate", SHARE, "X", "jobs failing with a transient error (default 0)"),
                value("simulator.faults.job-timeout-rate", SHARE, "X", "jobs timing out (default 0)"),
                value("simulator.faults.video-reset-rate", SHARE, "X", "video downloads cut a few bytes in (default 0)"),
                value("simulator.faults.video-http500-rate", SHARE, "X", "... answered HTTP 500 (default 0)"),
                value("simulator.faults.video-truncation-rate", SHARE, "X", """
                        ... whose body ends before its Content-Length
                        (default 0)"""),
                value("simulator.rate-limit.window", POSITIVE_DURATION, "DURATION", "its request-limit window (default 10s)"),
                value("simulator.rate-limit.run", COUNT, "N", "/run requests per window (default 1000)"),
                value("simulator.rate-limit.status", COUNT, "N", "/status requests per window (default 2000)"),
                value("simulator.rate-limit.cancel", COUNT, "N", "/cancel requests per window (default 100)"));
    }

    /** The settings every command shares. */
    static Stream<OptionSpec> settings() {
        return Stream.of(RUNPOD, STORYSTUDIO, SIMULATOR).flatMap(List::stream);
    }

    /** Every option by name, commands' and settings. */
    static Stream<OptionSpec> all() {
        return Stream.concat(Stream.concat(Stream.of(HELP), COMMANDS.stream().flatMap(command -> command.options().stream())), settings());
    }

    static Optional<OptionSpec> find(String name) {
        return all().filter(spec -> spec.name().equals(name)).findFirst();
    }
}
