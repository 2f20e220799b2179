package com.storystudio.batch.estimate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.springframework.stereotype.Component;

import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.job.SceneSources;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.scene.AudioLengthProbe;
import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.Resolution;
import com.storystudio.batch.scene.Scene;
import com.storystudio.batch.scene.SceneCursor;
import com.storystudio.batch.scene.SceneFingerprint;
import com.storystudio.batch.scene.SceneSource;

/**
 * Works out what a run of an input would take on the endpoint, reading only: the scenes and their audio, the
 * ledger's history of the endpoint and its {@code workersMax}. Nothing is changed or submitted.
 */
@Component
public class Estimator {

    private final SceneSources sources;
    private final AudioLengthProbe probe;
    private final JobHistory history;
    private final SubmissionLedger ledger;
    private final EndpointWorkers endpointWorkers;
    private final GpuPrice price;
    private final String endpointId;

    public Estimator(SceneSources sources, AudioLengthProbe probe, JobHistory history, SubmissionLedger ledger,
                     EndpointWorkers endpointWorkers, GpuPrice price, RunPodConnection connection) {
        this.sources = sources;
        this.probe = probe;
        this.history = history;
        this.ledger = ledger;
        this.endpointWorkers = endpointWorkers;
        this.price = price;
        this.endpointId = connection.endpointId();
    }

    /**
     * @throws com.storystudio.batch.scene.SceneValidationException the input has an invalid row
     * @throws com.storystudio.batch.runpod.RunPodConfigurationException RunPod refused the key or the address
     */
    public Estimate estimate(Path input) throws IOException {
        SceneSource source = sources.of(RunParameters.of(input, endpointId, Path.of("output")));
        Planned planned = plan(source, probe.of(source));
        Workers workers = endpointWorkers.read();
        GpuRates rates = new GpuRates(history.completedOn(endpointId));

        double average = planned.averageKnownAudio();
        Map<String, PairRate> pairs = new LinkedHashMap<>();
        List<Span> jobs = new ArrayList<>();
        double audioSeconds = 0;
        for (PlannedScene scene : planned.scenes()) {
            double seconds = Double.isNaN(scene.audioSeconds()) ? average : scene.audioSeconds();
            audioSeconds += seconds;
            PairRate pair = pairs.compute(scene.resolution().value() + "/" + scene.sampleSteps(), (key, known) -> known == null
                    ? new PairRate(scene.resolution(), scene.sampleSteps(), 1, rates.rateFor(scene.resolution(), scene.sampleSteps()))
                    : new PairRate(known.resolution(), known.sampleSteps(), known.scenes() + 1, known.rate()));
            jobs.add(pair.rate().value().times(WorkUnits.of(seconds, scene.resolution(), scene.sampleSteps())));
        }

        Rate modelLoad = rates.modelLoad();
        Rate workerStart = new Rate(Span.exactly(SeedTimings.WORKER_START_SECONDS), SeedTimings.SOURCE);
        int loads = Math.min(workers.count(), jobs.size());
        Span gpu = jobs.stream().reduce(Span.exactly(0), Span::plus).plus(modelLoad.value().times(loads));
        Span coldStart = jobs.isEmpty() ? Span.exactly(0) : modelLoad.value().plus(workerStart.value());
        Span makespan = new Span(
                MakespanPlan.seconds(jobs.stream().map(Span::low).toList(), workers.count(), coldStart.low()),
                MakespanPlan.seconds(jobs.stream().map(Span::expected).toList(), workers.count(), coldStart.expected()),
                MakespanPlan.seconds(jobs.stream().map(Span::high).toList(), workers.count(), coldStart.high()));
        return new Estimate(input.toString(), planned.scenes().size() + planned.reused() + planned.unreadable(),
                planned.scenes().size(), planned.reused(), audioSeconds, planned.unknownAudio(), average, workers,
                List.copyOf(pairs.values()), modelLoad, workerStart, gpu, gpu.times(price.gpuPricePerHour() / 3600),
                makespan, price.gpuPricePerHour());
    }

    /**
     * The scenes a run would pay for, as the run decides: a scene whose content already has a video on this
     * endpoint reuses it, one whose media cannot be read fails without a job.
     */
    private Planned plan(SceneSource source, AudioLengths lengths) throws IOException {
        List<PlannedScene> scenes = new ArrayList<>();
        int reused = 0;
        int unreadable = 0;
        try (SceneCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                Scene scene = cursor.next();
                String fingerprint;
                try {
                    fingerprint = SceneFingerprint.of(scene);
                }
                catch (IOException e) {
                    unreadable++;
                    continue;
                }
                if (ledger.latestCompleted(fingerprint, endpointId).isPresent()) {
                    reused++;
                    continue;
                }
                OptionalDouble audio = lengths.seconds(scene.audio());
                scenes.add(new PlannedScene(scene.resolution(), scene.sampleSteps(), audio.orElse(Double.NaN)));
            }
        }
        return new Planned(scenes, reused, unreadable);
    }

    /** A scene to generate, without its media and prompt: a 100 000-row input fits in memory this way. */
    private record PlannedScene(Resolution resolution, int sampleSteps, double audioSeconds) {
    }

    private record Planned(List<PlannedScene> scenes, int reused, int unreadable) {

        int unknownAudio() {
            return (int) scenes.stream().filter(scene -> Double.isNaN(scene.audioSeconds())).count();
        }

        /** As the submission order counts an unknown length; one 5-second clip, the published video, if none is known. */
        double averageKnownAudio() {
            return scenes.stream().mapToDouble(PlannedScene::audioSeconds).filter(seconds -> !Double.isNaN(seconds)).average()
                    .orElse(WorkUnits.CLIP_SECONDS);
        }
    }
}
