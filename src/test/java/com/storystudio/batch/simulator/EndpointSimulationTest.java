package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The worker model driven by a manual clock: every expectation is exact, in simulated nanoseconds.
 * Defaults: 60 s worker start, 600 s model load, 150 s per 480p/20-step clip (no spread), idle timeout 5 s.
 */
class EndpointSimulationTest {

    private static final long S = 1_000_000_000L;
    private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

    private final ManualClock clock = new ManualClock();
    private final SimulatorFaults faults = new SimulatorFaults();
    private SimulatorSettings settings = SimulatorSettings.defaults().withServiceTimeCv(0);

    private EndpointSimulation start() {
        return start(clock);
    }

    private EndpointSimulation start(ManualClock ownClock) {
        return EndpointSimulation.create(settings, ownClock, ORIGIN, new FaultInjector(faults, new Random(7)),
                URI.create("http://127.0.0.1:9"));
    }

    /** An hour of execution timeout: RunPod's 10 min default would cut a cold first job (load + clip = 750 s). */
    private static JobRequest job() {
        return job(3_600_000, 86_400_000);
    }

    private static JobRequest job(long executionTimeoutMs, long ttlMs) {
        return new JobRequest("{}", null, "480p", 20, 1, executionTimeoutMs, ttlMs);
    }

    private static JobRequest rejected(String error) {
        return new JobRequest("{}", error, "480p", 20, 1, 600_000, 86_400_000);
    }

    private JobView status(EndpointSimulation simulation, String id) {
        return simulation.status(id).orElseThrow();
    }

    @Test
    void firstJobWaitsForColdStartAndPaysModelLoadInsideItsExecution() {
        EndpointSimulation simulation = start();
        String first = simulation.submit(job());

        clock.setSeconds(810);
        JobView done = status(simulation, first);
        assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.delayMs()).isEqualTo(60_000);
        assertThat(done.executionMs()).isEqualTo(750_000);
        assertThat(done.output().generationTimeSeconds()).isEqualTo(750.0);
        assertThat(done.output().videoUrl()).isEqualTo("http://127.0.0.1:9/videos/" + first + ".mp4");

        String second = simulation.submit(job());
        clock.setSeconds(960);
        JobView warm = status(simulation, second);
        assertThat(warm.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(warm.delayMs()).isZero();
        assertThat(warm.executionMs()).isEqualTo(150_000);
    }

    @Test
    void aJobsSnapshotTellsTheModelLoadApartFromTheGeneration() {
        settings = settings.withWorkersMax(1);
        EndpointSimulation simulation = start();
        String cold = simulation.submit(job());
        String warm = simulation.submit(job());
        // The warm job ends at 960 and its worker leaves at 965: the next job gets a new worker, ready at 1030.
        clock.setSeconds(970);
        String cancelledWhileLoading = simulation.submit(job());
        clock.setSeconds(1_200);
        simulation.cancel(cancelledWhileLoading);

        assertThat(simulation.jobs()).extracting(SimulatedJob::id, SimulatedJob::modelLoad).containsExactly(
                tuple(cold, Duration.ofSeconds(600)),
                tuple(warm, Duration.ZERO),
                tuple(cancelledWhileLoading, Duration.ofSeconds(1_200 - 1_030)));
    }

    @Test
    void flexWorkerIsReleasedExactlyAfterIdleTimeoutAndBilledFromSpawnToRelease() {
        EndpointSimulation simulation = start();
        simulation.submit(job());

        clock.setSeconds(814.999);
        assertThat(simulation.health().idleWorkers()).isEqualTo(1);
        clock.setSeconds(5_000);
        assertThat(simulation.health().idleWorkers()).isZero();

        BillingTotals billing = simulation.snapshot().billing();
        assertThat(billing.coldStartNanos()).isEqualTo(60 * S);
        assertThat(billing.executionNanos()).isEqualTo(750 * S);
        assertThat(billing.idleNanos()).isEqualTo(5 * S);
        assertThat(billing.billedNanos()).isEqualTo(815 * S);
    }

    @Test
    void billingDoesNotDependOnHowOftenTheModelIsObserved() {
        EndpointSimulation lookedAtOnce = start();
        lookedAtOnce.submit(job());
        clock.setSeconds(3_000);
        BillingTotals once = lookedAtOnce.snapshot().billing();

        ManualClock otherClock = new ManualClock();
        EndpointSimulation lookedAtOften = start(otherClock);
        lookedAtOften.submit(job());
        for (int second = 1; second <= 3_000; second += 7) {
            otherClock.setSeconds(second + 0.123);
            lookedAtOften.advance();
        }
        otherClock.setSeconds(3_000);
        assertThat(lookedAtOften.snapshot().billing()).isEqualTo(once);
    }

    @Test
    void activeWorkerHeldForSomeTimeIsBilledForAllOfItAndReleasedWhenTurnedOff() {
        EndpointSimulation simulation = start();
        simulation.update(new EndpointUpdate(1, null, 300));
        clock.setSeconds(1_000);
        assertThat(simulation.endpoint().workers()).extracting(EndpointView.WorkerView::status)
                .containsExactly("RUNNING");

        simulation.update(new EndpointUpdate(0, null, null));
        clock.setSeconds(5_000);

        ModelSnapshot snapshot = simulation.snapshot();
        assertThat(snapshot.billing().billedNanos()).isEqualTo(1_000 * S);
        assertThat(snapshot.billing().coldStartNanos()).isEqualTo(60 * S);
        assertThat(snapshot.billing().idleNanos()).isEqualTo(940 * S);
        assertThat(snapshot.workersMinHistory()).containsExactly(0, 1, 0);
        assertThat(snapshot.workersMin()).isZero();
    }

    @Test
    void activeWorkerOutlivesTheIdleTimeoutAndShowsInitializingWhileStarting() {
        EndpointSimulation simulation = start();
        simulation.replace(new EndpointConfig(1, 3, 5));
        assertThat(simulation.endpoint().workers()).extracting(EndpointView.WorkerView::status)
                .containsExactly("INITIALIZING");
        clock.setSeconds(10_000);
        assertThat(simulation.health().idleWorkers()).isEqualTo(1);
        assertThat(simulation.snapshot().billing().billedNanos()).isEqualTo(10_000 * S);
    }

    @Test
    void loweringWorkersMinLetsABusyWorkerFinishThenFollowTheIdleTimeout() {
        EndpointSimulation simulation = start();
        simulation.replace(new EndpointConfig(1, 3, 5));
        clock.setSeconds(60);
        String id = simulation.submit(job());
        clock.setSeconds(100);
        simulation.update(new EndpointUpdate(0, null, null));
        assertThat(simulation.health().runningWorkers()).isEqualTo(1);

        clock.setSeconds(2_000);
        assertThat(status(simulation, id).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(simulation.health().idleWorkers()).isZero();
        // Started at 0, ready at 60, busy 60..810, idle 5 s more.
        assertThat(simulation.snapshot().billing().billedNanos()).isEqualTo(815 * S);
    }

    @Test
    void flexWorkersScaleUpToWorkersMaxButNoFurther() {
        EndpointSimulation simulation = start();
        IntStream.range(0, 5).forEach(i -> simulation.submit(job()));
        assertThat(simulation.health().initializingWorkers()).isEqualTo(3);

        clock.setSeconds(60);
        HealthView health = simulation.health();
        assertThat(health.runningWorkers()).isEqualTo(3);
        assertThat(health.inQueue()).isEqualTo(2);
        assertThat(health.inProgress()).isEqualTo(3);
    }

    @Test
    void warmWorkersAreDispatchedBeforeColdOnes() {
        settings = settings.withWorkersMax(2);
        EndpointSimulation simulation = start();
        simulation.submit(job());
        clock.setSeconds(810);
        // The first worker is warm and idle; the new job must not wait for or pay a model load.
        String next = simulation.submit(job());
        clock.setSeconds(960);
        assertThat(status(simulation, next).executionMs()).isEqualTo(150_000);
    }

    @Test
    void defaultExecutionTimeoutCutsAColdFirstJob() {
        EndpointSimulation simulation = start();
        String id = simulation.submit(job(600_000, 86_400_000)); // RunPod's default executionTimeout
        clock.setSeconds(810);
        assertThat(status(simulation, id).status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(status(simulation, id).executionMs()).isEqualTo(600_000);
    }

    @Test
    void jobPastItsExecutionTimeoutEndsTimedOutAndFreesTheWorkerAtTheTimeout() {
        EndpointSimulation simulation = start();
        String id = simulation.submit(job(100_000, 86_400_000));
        clock.setSeconds(160);
        JobView view = status(simulation, id);
        assertThat(view.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(view.error()).isEqualTo("job timed out after 1 retries");
        assertThat(view.executionMs()).isEqualTo(100_000);
        assertThat(simulation.health().idleWorkers()).isEqualTo(1);

        // The model never finished loading, so the next job pays the load again.
        String next = simulation.submit(job());
        clock.setSeconds(1_000);
        assertThat(status(simulation, next).executionMs()).isEqualTo(750_000);
    }

    @Test
    void ttlExpiresQueuedAndRunningJobs() {
        settings = settings.withWorkersMax(1);
        EndpointSimulation simulation = start();
        String running = simulation.submit(job(600_000, 100_000));
        String queued = simulation.submit(job(600_000, 30_000));

        clock.setSeconds(30);
        JobView expiredInQueue = status(simulation, queued);
        assertThat(expiredInQueue.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(expiredInQueue.error()).isEqualTo("ttl expired");
        assertThat(expiredInQueue.delayMs()).isEqualTo(30_000);
        assertThat(expiredInQueue.executionMs()).isZero();

        clock.setSeconds(100);
        JobView expiredRunning = status(simulation, running);
        assertThat(expiredRunning.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(expiredRunning.error()).isEqualTo("ttl expired");
        assertThat(expiredRunning.executionMs()).isEqualTo(40_000);
    }

    @Test
    void cancellingARunningJobFreesItsWorkerAndStopsBillingItsExecution() {
        EndpointSimulation simulation = start();
        String id = simulation.submit(job());
        clock.setSeconds(100);
        assertThat(simulation.cancel(id).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(simulation.health().idleWorkers()).isEqualTo(1);

        clock.setSeconds(1_000);
        BillingTotals billing = simulation.snapshot().billing();
        assertThat(billing.executionNanos()).isEqualTo(40 * S);
        assertThat(billing.idleNanos()).isEqualTo(5 * S);
        assertThat(status(simulation, id).status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void finishedJobsDisappearAfterTheResultRetentionButKeepTheirVideo() {
        EndpointSimulation simulation = start();
        String id = simulation.submit(job());
        clock.setSeconds(810 + 1_799.999);
        assertThat(simulation.status(id)).isPresent();
        clock.setSeconds(810 + 1_800);
        assertThat(simulation.status(id)).isEmpty();
        assertThat(simulation.cancel(id)).isEmpty();
        assertThat(simulation.hasVideo(id)).isTrue();
        assertThat(simulation.jobs()).hasSize(1);
    }

    @Test
    void rejectedInputFailsAtPickUpWithinSecondsAndLeavesTheModelUnloaded() {
        EndpointSimulation simulation = start();
        String bad = simulation.submit(rejected("Invalid resolution"));
        clock.setSeconds(63);
        JobView view = status(simulation, bad);
        assertThat(view.status()).isEqualTo(JobStatus.FAILED);
        assertThat(view.error()).isEqualTo("Invalid resolution");
        assertThat(view.executionMs()).isEqualTo(3_000);

        String good = simulation.submit(job());
        clock.setSeconds(2_000);
        assertThat(status(simulation, good).executionMs()).isEqualTo(750_000);
    }

    @Test
    void retryPutsAFailedJobBackInTheQueueUnderTheSameId() {
        EndpointSimulation simulation = start();
        String id = simulation.submit(rejected("Missing required inputs"));
        assertThat(simulation.retry(id)).isEqualTo(RetryOutcome.NOT_RETRYABLE);
        clock.setSeconds(63);
        assertThat(simulation.retry(id)).isEqualTo(RetryOutcome.RETRIED);
        assertThat(status(simulation, id).status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(simulation.health().retried()).isEqualTo(1);
        assertThat(simulation.retry("nope")).isEqualTo(RetryOutcome.NOT_FOUND);
    }

    @Test
    void purgeCancelsOnlyQueuedJobs() {
        settings = settings.withWorkersMax(1);
        EndpointSimulation simulation = start();
        List<String> ids = IntStream.range(0, 4).mapToObj(i -> simulation.submit(job())).toList();
        clock.setSeconds(60);
        assertThat(simulation.purgeQueue()).isEqualTo(3);
        assertThat(status(simulation, ids.get(0)).status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(ids.subList(1, 4)).allSatisfy(id ->
                assertThat(status(simulation, id).status()).isEqualTo(JobStatus.CANCELLED));
    }

    @Test
    void injectedTransientFailureAndTimeoutAreCountedWhenTheyHappen() {
        EndpointSimulation simulation = start();
        faults.setTransientJobFailureRate(1);
        String failing = simulation.submit(job());
        clock.setSeconds(810);
        JobView failed = status(simulation, failing);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).isIn("CUDA not available", "worker exited unexpectedly");
        assertThat(failed.executionMs()).isBetween(1L, 749_999L);

        faults.reset();
        faults.setJobTimeoutRate(1);
        String hanging = simulation.submit(job(1_200_000, 86_400_000));
        clock.advance(Duration.ofSeconds(1_200 + 60 + 5));
        JobView timedOut = status(simulation, hanging);
        assertThat(timedOut.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(timedOut.executionMs()).isEqualTo(1_200_000);
        assertThat(simulation.snapshot().injectedJobFailures()).isEqualTo(2);
    }

    @Test
    void serviceTimesVaryWithTheSpreadButRepeatForTheSameSeed() {
        settings = settings.withServiceTimeCv(0.3).withModelLoad(Duration.ZERO).withWorkersMax(5);
        List<Long> first = executionTimes(clock);
        List<Long> again = executionTimes(new ManualClock());
        assertThat(first).isEqualTo(again).doesNotHaveDuplicates();
    }

    @Test
    void serviceTimeScalesWithStepsAndResolution() {
        settings = settings.withModelLoad(Duration.ZERO);
        EndpointSimulation simulation = start();
        String steps40 = simulation.submit(new JobRequest("{}", null, "480p", 40, 1, 3_600_000, 86_400_000));
        String hd = simulation.submit(new JobRequest("{}", null, "720p", 20, 1, 3_600_000, 86_400_000));
        clock.setSeconds(2_000);
        assertThat(status(simulation, steps40).executionMs()).isEqualTo(300_000);
        assertThat(status(simulation, hd).executionMs()).isEqualTo(337_500);
    }

    @Test
    void serviceTimeIsTheMeanOncePerClipOfTheAudioTimesStepsAndResolution() {
        settings = settings.withModelLoad(Duration.ZERO);
        EndpointSimulation simulation = start();
        String threeClips = simulation.submit(new JobRequest("{}", null, "480p", 20, 3, 3_600_000, 86_400_000));
        String twoClipsHd = simulation.submit(new JobRequest("{}", null, "720p", 40, 2, 3_600_000, 86_400_000));
        clock.setSeconds(2_000);
        assertThat(status(simulation, threeClips).executionMs()).isEqualTo(450_000);
        assertThat(status(simulation, twoClipsHd).executionMs()).isEqualTo(1_350_000);
    }

    private List<Long> executionTimes(ManualClock ownClock) {
        EndpointSimulation simulation = start(ownClock);
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> simulation.submit(job())).toList();
        ownClock.setSeconds(1_000);
        return ids.stream().map(id -> simulation.status(id).orElseThrow().executionMs()).toList();
    }
}
