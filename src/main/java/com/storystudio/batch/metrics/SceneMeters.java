package com.storystudio.batch.metrics;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.generation.SceneEvents;
import com.storystudio.batch.ledger.RemoteEnd;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.result.SceneStatus;

/**
 * What happens to a run's scenes and remote jobs, counted as it happens: so that a push in the middle of a
 * long run already shows its progress, its GPU time and its spending.
 */
@Component
public class SceneMeters implements SceneEvents {

    static final String SUBMISSIONS = "storystudio.runpod.submissions";
    static final String RESUBMISSIONS = "storystudio.runpod.resubmissions";
    static final String UNANSWERED = "storystudio.runpod.unanswered.submissions";
    static final String JOBS_ENDED = "storystudio.runpod.jobs.ended";
    static final String QUEUE = "storystudio.runpod.queue";
    static final String EXECUTION = "storystudio.runpod.execution";
    static final String GPU_SECONDS = "storystudio.gpu.seconds";
    static final String GPU_COST = "storystudio.gpu.cost";
    static final String SCENES_ENDED = "storystudio.scenes.ended";

    private final MeterRegistry registry;
    private final GpuPrice price;
    private final Counter submissions;
    private final Counter resubmissions;
    private final Counter unanswered;
    private final Timer queue;
    private final Timer execution;
    private final Counter gpuSeconds;
    private final Counter cost;

    public SceneMeters(MeterRegistry registry, GpuPrice price) {
        this.registry = registry;
        this.price = price;
        this.submissions = Counter.builder(SUBMISSIONS).description("Remote jobs RunPod accepted").register(registry);
        this.resubmissions = Counter.builder(RESUBMISSIONS)
                .description("Remote jobs accepted for a scene that had had one before (a retry, or an expired job)").register(registry);
        this.unanswered = Counter.builder(UNANSWERED)
                .description("/run attempts whose answer was lost: RunPod may run (and bill) them besides the scene's job")
                .register(registry);
        this.queue = Timer.builder(QUEUE).description("Time remote jobs waited in RunPod's queue (delayTime)").register(registry);
        this.execution = Timer.builder(EXECUTION).description("Time a worker ran remote jobs (executionTime), what the GPU bills")
                .register(registry);
        this.gpuSeconds = Counter.builder(GPU_SECONDS).baseUnit("seconds")
                .description("GPU time RunPod reported for the jobs that ended, failed ones included").register(registry);
        this.cost = Counter.builder(GPU_COST).baseUnit("dollars")
                .description("What that GPU time costs at runpod.gpu-price-per-hour").register(registry);
    }

    @Override
    public void submitted(int attempt, int unansweredAttempts) {
        submissions.increment();
        if (attempt > 1) {
            resubmissions.increment();
        }
        unanswered.increment(unansweredAttempts);
    }

    @Override
    public void jobEnded(SubmissionState state, RemoteEnd end) {
        Counter.builder(JOBS_ENDED).description("Remote jobs seen to end, by how they ended")
                .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry).increment();
        if (end.delayMs() != null) {
            queue.record(end.delayMs(), TimeUnit.MILLISECONDS);
        }
        if (end.executionMs() != null) {
            execution.record(end.executionMs(), TimeUnit.MILLISECONDS);
            double seconds = end.executionMs() / 1000.0;
            gpuSeconds.increment(seconds);
            cost.increment(seconds * price.gpuPricePerHour() / 3600);
        }
    }

    @Override
    public void sceneEnded(SceneStatus status, boolean reused) {
        String outcome = reused ? "reused" : status.name().toLowerCase(Locale.ROOT);
        Counter.builder(SCENES_ENDED).description("Scenes that got their outcome in this process")
                .tag("outcome", outcome).register(registry).increment();
    }
}
