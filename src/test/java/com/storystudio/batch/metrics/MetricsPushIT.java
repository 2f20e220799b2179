package com.storystudio.batch.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.StoryStudioJar;
import com.storystudio.batch.testing.StoryStudioProcess;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * The packaged application's metrics as a Pushgateway receives them: pushed under job=storystudio and the input's
 * name when (and only when) the README's settings are given, at the end of a run however it ends, with the run's
 * figures in them and never the API key.
 */
class MetricsPushIT {

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(90);
    private static final String PUSHGATEWAY = "--management.prometheus.metrics.export.pushgateway.";

    @TempDir
    Path work;

    private RunPodSimulator remote;
    private ObservedTraffic traffic;
    private StoryStudioJar jar;
    private StandInPushgateway gateway;

    @BeforeEach
    void start() {
        remote = RunPodSimulator.start(TestSimulators.fast());
        traffic = ObservedTraffic.of(remote);
        jar = StoryStudioJar.against(remote, work);
        gateway = StandInPushgateway.start();
    }

    @AfterEach
    void stop() {
        jar.close();
        remote.close();
        gateway.close();
    }

    @Test
    void aRunPushesItsFiguresUnderItsInputAtItsEnd() {
        Path csv = storyboard("nightly.csv", "m1", "m2", "m3", "m4", "m5");

        StoryStudioProcess launch = jar.run(csv, pushingTo(gateway));

        assertThat(launch.waitFor(LAUNCH_TIMEOUT)).as(launch::describe).isZero();
        assertThat(launch.output()).as("the meters say nothing on the console").doesNotContain(" WARN ");
        StandInPushgateway.Push last = gateway.last();
        assertThat(last.method()).as("the push at the end replaces the group").isEqualTo("PUT");
        assertThat(last.path()).isEqualTo("/metrics/job/storystudio/input/nightly.csv");
        assertThat(last.body()).contains(
                "storystudio_scenes{input=\"nightly.csv\",outcome=\"completed\"} 5.0",
                "storystudio_scenes{input=\"nightly.csv\",outcome=\"failed\"} 0.0",
                "storystudio_scenes{input=\"nightly.csv\",outcome=\"unfinished\"} 0.0",
                "storystudio_scenes_ended_total{outcome=\"completed\"} 5.0",
                "storystudio_runpod_requests_total{outcome=\"answered\",route=\"run\"} 5.0",
                "storystudio_runpod_submissions_total 5.0",
                "storystudio_runpod_jobs_ended_total{state=\"completed\"} 5.0",
                "storystudio_runpod_execution_seconds_count 5",
                "storystudio_runpod_queue_seconds_count 5",
                "storystudio_possible_duplicates{input=\"nightly.csv\"} 0.0",
                "storystudio_worker_restored{input=\"nightly.csv\"} 1.0",
                "storystudio_last_success_timestamp_seconds ",
                "spring_batch_job_seconds_count{error=\"none\",spring_batch_job_name=\"storyStudio\",spring_batch_job_status=\"COMPLETED\"} 1");
        assertThat(value(last.body(), "storystudio_gpu_seconds_total")).isPositive();
        assertThat(value(last.body(), "storystudio_gpu_cost_dollars_total")).isPositive();
        assertThat(value(last.body(), "storystudio_runpod_requests_total{outcome=\"answered\",route=\"status\"}")).isPositive();
        assertNoPushCarriesTheKey();
    }

    @Test
    void aRunStoppedBySigtermStillPushesAsItEnds() {
        Path csv = storyboard("stopped.csv", "t1", "t2", "t3", "t4");
        StoryStudioProcess launch = jar.run(csv, with(pushingTo(gateway), "--max-in-flight=1"));
        ObservedTraffic.Trigger stop = traffic.onNth(2, ObservedTraffic.route("STATUS"), request -> launch.sigterm());

        assertThat(launch.waitFor(LAUNCH_TIMEOUT)).as(launch::describe).isEqualTo(6);

        assertThat(stop.fired()).isTrue();
        StandInPushgateway.Push last = gateway.last();
        assertThat(last.method()).isEqualTo("PUT");
        assertThat(last.body()).contains("storystudio_worker_restored{input=\"stopped.csv\"} 1.0")
                .containsPattern("spring_batch_job_seconds_count\\{.*spring_batch_job_status=\"STOPPED\"} 1")
                .doesNotContain("storystudio_last_success_timestamp_seconds");
        assertThat(value(last.body(), "storystudio_scenes{input=\"stopped.csv\",outcome=\"unfinished\"}")).isPositive();
        assertNoPushCarriesTheKey();
    }

    @Test
    void withoutTheSettingsNothingIsPushedAndTheProcessListensOnlyForItsOwnDatabase() {
        assumeTrue(ListeningPorts.readable(), "needs Linux's /proc");
        Path csv = storyboard("quiet.csv", "q1", "q2", "q3");
        AtomicReference<Set<Integer>> listening = new AtomicReference<>();
        AtomicReference<Set<Integer>> database = new AtomicReference<>();
        AtomicReference<StoryStudioProcess> launched = new AtomicReference<>();
        traffic.onNth(2, ObservedTraffic.route("STATUS"), request -> {
            listening.set(ListeningPorts.of(launched.get().pid()));
            database.set(h2ServerPort());
        });

        // The address alone does not switch pushing on.
        launched.set(jar.run(csv, "--max-in-flight=1", PUSHGATEWAY + "address=" + gateway.address()));

        StoryStudioProcess launch = launched.get();
        assertThat(launch.waitFor(LAUNCH_TIMEOUT)).as(launch::describe).isZero();
        assertThat(gateway.pushes()).isEmpty();
        assertThat(listening.get()).as("ports the process listened on mid-run").isNotNull();
        // AUTO_SERVER: H2 serves the database file to an overlapping process. Nothing else listens: no web server.
        assertThat(listening.get()).isSubsetOf(database.get());
    }

    @Test
    void anotherCommandPushesNothingEvenWhenPushingIsSwitchedOn() {
        Path csv = storyboard("estimated.csv", "e1", "e2");

        StoryStudioProcess estimate = jar.start(with(List.of("--estimate", "--input=" + csv), pushingTo(gateway)));

        assertThat(estimate.waitFor(LAUNCH_TIMEOUT)).as(estimate::describe).isZero();
        assertThat(gateway.pushes()).isEmpty();
    }

    private Path storyboard(String name, String... scenes) {
        Storyboard storyboard = Storyboard.in(work.resolve("project"));
        for (String scene : scenes) {
            storyboard.localScene(scene);
        }
        return storyboard.write(name);
    }

    private static String[] pushingTo(StandInPushgateway gateway) {
        // Text rather than Boot's default protobuf, so that the test reads what a person would read.
        return new String[] {PUSHGATEWAY + "enabled=true", PUSHGATEWAY + "address=" + gateway.address(), PUSHGATEWAY + "format=text"};
    }

    private static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static List<String> with(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private void assertNoPushCarriesTheKey() {
        assertThat(gateway.pushes()).isNotEmpty().allSatisfy(push -> {
            assertThat(push.body()).doesNotContain(remote.apiKey());
            assertThat(push.path()).doesNotContain(remote.apiKey());
            assertThat(push.authorization()).isNull();
        });
    }

    private static double value(String exposition, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        assertThat(line.find()).as("%s in%n%s", series, exposition).isTrue();
        return Double.parseDouble(line.group(1));
    }

    /** The port H2's AUTO_SERVER mode serves the database on, as its lock file says while the process runs. */
    private Set<Integer> h2ServerPort() {
        Properties lock = new Properties();
        try (Reader in = Files.newBufferedReader(work.resolve("db/storystudio.lock.db"))) {
            lock.load(in);
        }
        catch (IOException e) {
            return Set.of();
        }
        String server = lock.getProperty("server", "");
        return server.contains(":") ? Set.of(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1))) : Set.of();
    }
}
