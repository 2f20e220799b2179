package com.storystudio.batch.progress;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.logging.LogFields;
import com.storystudio.batch.result.FinishedScenes;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.SceneSource;

/**
 * Says how far the generate step is, in one log line (so the terminal and a log file read the same):
 * every {@code storystudio.progress-interval}, and each time another tenth of the scenes has its
 * result. Counts come from the results as they are written; scenes in flight and GPU time from the
 * ledger, once per line. Scenes are weighed with the run's audio lengths, read once for the whole run.
 */
public class ProgressReporter implements StepExecutionListener, ItemWriteListener<FinishedScenes> {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final SceneSource source;
    private final Supplier<AudioLengths> lengths;
    private final SceneResultRepository results;
    private final SubmissionLedger ledger;
    private final GpuPrice price;
    private final IntSupplier workers;
    private final Duration interval;
    private final Clock clock;
    private final ZoneId zone;
    private RunProgress progress;
    private long jobInstanceId;
    private int tenthsSaid;
    private ScheduledExecutorService ticker;

    public ProgressReporter(SceneSource source, Supplier<AudioLengths> lengths, SceneResultRepository results, SubmissionLedger ledger,
                            GpuPrice price, IntSupplier workers, Duration interval, Clock clock, ZoneId zone) {
        this.source = source;
        this.lengths = lengths;
        this.results = results;
        this.ledger = ledger;
        this.price = price;
        this.workers = workers;
        this.interval = interval;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        jobInstanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        Set<String> finished = results.completedSceneIds(jobInstanceId);
        SceneWorkload workload;
        int total;
        try {
            workload = SceneWorkload.of(source, lengths.get(), finished);
            total = finished.size() + workload.work().size();
        }
        catch (IOException | RuntimeException e) {
            // Progress is a courtesy: an input that cannot be read again is the generation's to report.
            log.debug("No progress lines: cannot weigh the scenes of {}: {}", source.describe(), e.getMessage());
            return;
        }
        progress = new RunProgress(total, finished.size(), workload, clock.instant());
        tenthsSaid = tenths();
        if (!interval.isZero() && !interval.isNegative()) {
            ticker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "progress");
                thread.setDaemon(true);
                return thread;
            });
            // The step thread's log fields (input, execution) on the ticker's lines too.
            ticker.scheduleAtFixedRate(LogFields.carried((Runnable) this::say), interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void afterWrite(Chunk<? extends FinishedScenes> items) {
        if (progress == null) {
            return;
        }
        items.getItems().forEach(finished -> finished.results().forEach(progress::settled));
        int tenths = tenths();
        if (tenths > tenthsSaid) {
            tenthsSaid = tenths;
            say();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        return null;
    }

    private int tenths() {
        return progress.total() == 0 ? 0 : progress.settledCount() * 10 / progress.total();
    }

    /** Both threads say lines; one at a time, so that they never interleave. */
    private synchronized void say() {
        try {
            int inFlight = ledger.liveJobs(jobInstanceId).size();
            double gpuSeconds = ledger.totals(jobInstanceId).gpuSeconds();
            log.info(progress.line(inFlight, gpuSeconds, price.dollars(gpuSeconds).doubleValue(), workers.getAsInt(), clock.instant())
                    .text(zone));
        }
        catch (RuntimeException e) {
            // A database hiccup costs one line, never the run.
            log.debug("No progress line this time: {}", e.getMessage());
        }
    }
}
