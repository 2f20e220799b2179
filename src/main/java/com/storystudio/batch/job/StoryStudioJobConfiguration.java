package com.storystudio.batch.job;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;

import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.download.MissingVideos;
import com.storystudio.batch.download.VideoFile;
import com.storystudio.batch.generation.GeneratedSceneReader;
import com.storystudio.batch.generation.InFlightLimit;
import com.storystudio.batch.generation.InlineVideoStore;
import com.storystudio.batch.generation.RunOptions;
import com.storystudio.batch.generation.SceneGenerator;
import com.storystudio.batch.logging.ExecutionLogFields;
import com.storystudio.batch.generation.WorkAhead;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.progress.ProgressProperties;
import com.storystudio.batch.progress.ProgressReporter;
import com.storystudio.batch.result.FinishedScenes;
import com.storystudio.batch.result.ResultsProperties;
import com.storystudio.batch.result.SceneResultRepository;
import com.storystudio.batch.result.SceneResultWriter;
import com.storystudio.batch.scene.AudioLengthProbe;
import com.storystudio.batch.scene.SceneRules;
import com.storystudio.batch.scene.SceneSource;
import com.storystudio.batch.worker.TailScaling;
import com.storystudio.batch.worker.WorkerHolds;
import com.storystudio.batch.worker.WorkerScaling;

/**
 * The StoryStudio job, as its diagram reads:
 * <pre>
 * checkScenes ──► enableWorker ──► generateScenes ──► disableWorker ──► runOutcome
 *      │ invalid        │ error ──────────────────────►   ▲  (always)       │
 *      └──────────────────────────────────────────────────────────────────►├─ every scene has a video: COMPLETED
 *                                                                          └─ otherwise: FAILED (restartable)
 * </pre>
 * Every step may run again on restart: each is idempotent (the ledger and results tables know
 * what is done), so a restart simply runs the flow again and finishes what is missing
 * ({@link ReopenAbandonedStepsListener} keeps Spring Batch from skipping a step that failed).
 */
@Configuration(proxyBeanMethods = false)
public class StoryStudioJobConfiguration {

    public static final String JOB_NAME = "storyStudio";
    public static final String CHECK_STEP = "checkScenes";
    public static final String ENABLE_STEP = "enableWorker";
    public static final String GENERATE_STEP = "generateScenes";
    public static final String DISABLE_STEP = "disableWorker";

    @Bean
    Job storyStudioJob(JobRepository jobRepository, Step checkScenes, Step enableWorker, Step generateScenes, Step disableWorker,
                       RunOutcomeDecider runOutcome, WorkerRestoreListener workerRestore, ResultsCsvListener resultsCsv,
                       ObjectProvider<RunEndListener> runEnd) {
        JobBuilder builder = new JobBuilder(JOB_NAME, jobRepository);
        builder.listener(new ExecutionLogFields());
        // afterJob runs in reverse order. First, so that theirs run last: they see the outcome and the worker restored.
        runEnd.orderedStream().forEach(builder::listener);
        return builder
                // The worker is restored before the outcome is recorded.
                .listener(runOutcome)
                .listener(new ReopenAbandonedStepsListener(jobRepository, List.of(ENABLE_STEP, GENERATE_STEP)))
                .listener(workerRestore)
                // Last, so that its afterJob runs first: the results are on disk before the worker's restore waits.
                .listener(resultsCsv)
                .start(checkScenes).on("COMPLETED").to(enableWorker)
                .from(checkScenes).on("*").to(runOutcome)
                .from(enableWorker).on("COMPLETED").to(generateScenes)
                .from(enableWorker).on("*").to(disableWorker)
                .from(generateScenes).on("*").to(disableWorker)
                .from(disableWorker).on("*").to(runOutcome)
                .from(runOutcome).on("COMPLETED").end()
                .from(runOutcome).on("*").fail()
                .end()
                .build();
    }

    @Bean
    Step checkScenes(JobRepository jobRepository, PlatformTransactionManager transactionManager, CheckScenesTasklet checkScenesTasklet) {
        return new StepBuilder(CHECK_STEP, jobRepository)
                .tasklet(checkScenesTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step enableWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager, EnableWorkerTasklet enableWorkerTasklet) {
        return new StepBuilder(ENABLE_STEP, jobRepository)
                .tasklet(enableWorkerTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    /** One batch of finished scenes per chunk: a scene's result is committed as soon as the scene finishes. */
    @Bean
    Step generateScenes(JobRepository jobRepository, PlatformTransactionManager transactionManager, GeneratedSceneReader generatedSceneReader,
                        SceneResultWriter sceneResultWriter, ProgressReporter progressReporter) {
        return new StepBuilder(GENERATE_STEP, jobRepository)
                .<FinishedScenes, FinishedScenes>chunk(1)
                .transactionManager(transactionManager)
                .reader(generatedSceneReader)
                .writer(sceneResultWriter)
                .listener(progressReporter)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step disableWorker(JobRepository jobRepository, PlatformTransactionManager transactionManager, DisableWorkerTasklet disableWorkerTasklet) {
        return new StepBuilder(DISABLE_STEP, jobRepository)
                .tasklet(disableWorkerTasklet, transactionManager)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    RunOutcomeDecider runOutcome(SceneResultRepository results) {
        return new RunOutcomeDecider(results);
    }

    @Bean
    WorkerRestoreListener workerRestoreListener(WorkerScaling scaling, TailScaling tail, WorkerHolds holds) {
        return new WorkerRestoreListener(scaling, tail, holds);
    }

    @Bean
    RunResultsCsv runResultsCsv(SceneSources sources, SceneResultRepository results, SubmissionLedger ledger, GpuPrice price) {
        return new RunResultsCsv(sources, results, ledger, price);
    }

    @Bean
    ResultsCsvListener resultsCsvListener(RunResultsCsv resultsCsv) {
        return new ResultsCsvListener(resultsCsv);
    }

    // The steps' parts.

    /**
     * The run's parameters, read once per step from the job parameters. Not proxied (a record cannot
     * be): only step-scoped beans use it, and they are made inside the step.
     */
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    RunParameters runParameters(@Value("#{stepExecution}") StepExecution stepExecution) {
        return RunParameters.from(stepExecution.getJobParameters());
    }

    @Bean
    SceneSources sceneSources() {
        return new SceneSources(SceneRules.defaults());
    }

    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    SceneSource sceneSource(RunParameters run, SceneSources sources) {
        return sources.of(run);
    }

    @Bean
    @StepScope
    ProgressReporter progressReporter(SceneSource sceneSource, RunAudioLengths audioLengths, SceneResultRepository results,
                                      SubmissionLedger ledger, GpuPrice price, InFlightLimit inFlightLimit, ProgressProperties settings,
                                      Clock clock) {
        return new ProgressReporter(sceneSource, audioLengths::get, results, ledger, price, inFlightLimit::workers, settings.progressInterval(),
                clock, ZoneId.systemDefault());
    }

    @Bean
    @StepScope
    CheckScenesTasklet checkScenesTasklet(SceneSource sceneSource, RunParameters run) {
        return new CheckScenesTasklet(sceneSource, run);
    }

    @Bean
    @StepScope
    EnableWorkerTasklet enableWorkerTasklet(WorkerScaling scaling, WorkAhead workAhead, SceneSource sceneSource, RunParameters run,
                                            RunAudioLengths audioLengths, WorkerHolds holds) {
        return new EnableWorkerTasklet(scaling, workAhead, sceneSource, run, audioLengths, holds);
    }

    /** Not proxied, like {@link #runParameters}: only step-scoped beans use it, made inside the job's steps. */
    @Bean
    @Scope(value = "job", proxyMode = ScopedProxyMode.NO)
    RunAudioLengths runAudioLengths(@Value("#{jobExecution}") JobExecution jobExecution, SceneSources sources, AudioLengthProbe probe) {
        return new RunAudioLengths(() -> probe.of(sources.of(RunParameters.from(jobExecution.getJobParameters()))));
    }

    @Bean
    DisableWorkerTasklet disableWorkerTasklet(WorkerScaling scaling, TailScaling tail, WorkerHolds holds) {
        return new DisableWorkerTasklet(scaling, tail, holds);
    }

    @Bean
    @StepScope
    GeneratedSceneReader generatedSceneReader(SceneSource sceneSource, RunParameters run, SceneGenerator generator,
                                              RunAudioLengths audioLengths, SceneResultRepository results, StopRequest stop,
                                              TailScaling tail, MissingVideos missingVideos) {
        return new GeneratedSceneReader(sceneSource, generator, audioLengths::get, results,
                new InlineVideoStore(VideoFile.folder(run.outputDir())),
                new RunOptions(run.regeneration() == null, run.cancelOnStop(), run.download()), stop::isRequested,
                tail::everySceneSubmitted, missingVideos);
    }

    @Bean
    @StepScope
    SceneResultWriter sceneResultWriter(RunParameters run, SceneResultRepository results, RunResultsCsv resultsCsv,
                                        ResultsProperties settings, Clock clock) {
        return new SceneResultWriter(results, jobInstanceId -> resultsCsv.publish(run, jobInstanceId), settings.resultsCsvInterval(), clock);
    }
}
