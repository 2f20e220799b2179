package com.storystudio.batch.generation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.storystudio.batch.download.MissingVideos;
import com.storystudio.batch.result.FinishedScenes;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.Scene;
import com.storystudio.batch.scene.SceneCursor;
import com.storystudio.batch.scene.SceneSource;

/**
 * The generate step's reader: reads the scenes, drives those without a video through a
 * {@link GenerationWindow}, and returns each scene's result as it finishes. Restart state lives in
 * the database (results and ledger), not in the step's execution context, so whatever a run
 * finished or submitted is never done again.
 */
public class GeneratedSceneReader implements ItemStreamReader<FinishedScenes>, StepExecutionListener {

    private final SceneSource source;
    private final SceneGenerator generator;
    private final Supplier<AudioLengths> audioLengths;
    private final SceneResultRepository results;
    private final InlineVideoStore videos;
    private final RunOptions options;
    private final BooleanSupplier stopRequested;
    private final RunTail tail;
    private final MissingVideos missingVideos;
    private StepExecution stepExecution;
    private SceneCursor cursor;
    private GenerationWindow window;

    /**
     * @param audioLengths  the run's audio lengths, read once before anything is spent (asked for when the step opens)
     * @param stopRequested a stop asked of this process (a signal); a stop through the job repository is seen as well
     */
    public GeneratedSceneReader(SceneSource source, SceneGenerator generator, Supplier<AudioLengths> audioLengths,
                                SceneResultRepository results, InlineVideoStore videos, RunOptions options, BooleanSupplier stopRequested,
                                RunTail tail, MissingVideos missingVideos) {
        this.source = source;
        this.generator = generator;
        this.audioLengths = audioLengths;
        this.results = results;
        this.videos = videos;
        this.options = options;
        this.stopRequested = stopRequested;
        this.tail = tail;
        this.missingVideos = missingVideos;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        long jobInstanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        AudioLengths lengths = audioLengths.get();
        try {
            cursor = source.open();
        }
        catch (IOException e) {
            throw new ItemStreamException("cannot read " + source.describe(), e);
        }
        Iterator<Scene> remaining = new ScenesWithoutVideo(cursor, results.completedSceneIds(jobInstanceId));
        window = generator.open(jobInstanceId, remaining, lengths, videos, options,
                () -> stopRequested.getAsBoolean() || stepExecution.isTerminateOnly(), tail);
        if (options.download()) {
            // Scenes an earlier run finished whose video is not on disk (not asked for then, or its download failed).
            missingVideos.of(jobInstanceId, videos.outputDir()).forEach(window::fetchVideoOf);
        }
    }

    @Override
    public FinishedScenes read() throws Exception {
        return window.nextFinished();
    }

    @Override
    public void close() {
        if (window != null) {
            window.close();
            window = null;
        }
        if (cursor != null) {
            try {
                cursor.close();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cursor = null;
        }
    }
}
