package com.storystudio.batch.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.storystudio.batch.simulator.SimulatorSettings;

/** The benchmark's standard cases, and the choice of some of them by name. */
public final class Scenarios {

    /**
     * Every real millisecond the application spends shows as this many simulated ones: at 1000x the
     * orchestrator's own milliseconds would pass for seconds of RunPod delay, so GPU scenarios run at 200x.
     */
    public static final double GPU_TIME_SCALE = 200;
    /** Only the wall-clock throughput of the instant scenario matters. */
    public static final double INSTANT_TIME_SCALE = 1000;

    private Scenarios() {
    }

    /**
     * A clip's mean generation time when the audio drives it: {@link AudioLengths#SPOKEN_LINES} makes 3.0
     * clips per scene on average, so the mean job stays at the seed's 150 s.
     */
    static final Duration MEAN_PER_CLIP = Duration.ofSeconds(50);
    /** What is left of the spread once the audio length is known: the GPU's jitter. */
    static final double RESIDUAL_CV = 0.1;
    /** The spread of the blind case, and overall that of the audio-driven cases. */
    static final double BLIND_CV = 0.5;

    public static List<Scenario> standard() {
        SimulatorSettings seedLike = seedLike();
        // Spread by the audio, which the application can read before submitting: overall CV about 0.5.
        SimulatorSettings spoken = seedLike.withMeanServiceTime(MEAN_PER_CLIP).withServiceTimeCv(RESIDUAL_CV);
        AudioLengths lines = AudioLengths.SPOKEN_LINES;
        // Every scene one clip long, spread only by the emulator's draw: no client can foresee it.
        SimulatorSettings blind = seedLike.withServiceTimeCv(BLIND_CV);
        // The orchestrator is the bottleneck: jobs end almost as soon as they start.
        SimulatorSettings instant = seedLike.withTimeScale(INSTANT_TIME_SCALE).withWorkersMax(8).withServiceTimeCv(0.5)
                .withMeanServiceTime(Duration.ofMillis(10)).withModelLoad(Duration.ZERO)
                .withWorkerStartup(Duration.ofSeconds(1));
        Scenario instantScenario = new Scenario("instant", "8 workers, ~10 ms jobs, no model load: the orchestrator is the bottleneck",
                10_000, instant, null, null);
        Scenario eightWorkers = new Scenario("200x8", "8 workers, audio of 1-60 s, the app's default window", 200,
                spoken.withWorkersMax(8), null, lines);
        return List.of(
                new Scenario("64x4", "4 workers, audio of 1-60 s (job CV ~0.5, 0.1 unforeseeable), the app's default window",
                        64, spoken.withWorkersMax(4), null, lines),
                new Scenario("64x4-url", "as 64x4, the same audio given as URLs the emulator serves (lengths read by range requests)",
                        64, spoken.withWorkersMax(4), null, lines, true, false),
                new Scenario("64x4-blind", "4 workers, 1-clip audio, CV 0.5 that no client can foresee, the app's default window",
                        64, blind.withWorkersMax(4), null, null),
                new Scenario("naive", "4 workers, audio of 1-60 s, --max-in-flight=1", 64, spoken.withWorkersMax(4), 1, lines),
                eightWorkers,
                eightWorkers.downloading(),
                instantScenario,
                instantScenario.downloading());
    }

    /**
     * The seed's endpoint (about 1 min worker start, 10 min model load, 150 s per 5-second clip) with time
     * scaled. Results are kept 6 h instead of RunPod's 30 min: at this scale 30 min are 1.8 s of real
     * time, within reach of a slow chunk, and result expiry is not what this measures.
     */
    static SimulatorSettings seedLike() {
        return SimulatorSettings.defaults()
                .withTimeScale(GPU_TIME_SCALE)
                .withResultRetention(Duration.ofHours(6))
                .withEndpointId("benchmark-endpoint")
                .withApiKey("benchmark-emulator-key");
    }

    /** The named cases in the order given ({@code all}: every case), each resized if {@code scenes > 0}. */
    public static List<Scenario> select(List<String> names, int scenes) {
        List<Scenario> standard = standard();
        List<Scenario> chosen = new ArrayList<>();
        if (names.isEmpty() || names.equals(List.of("all"))) {
            chosen.addAll(standard);
        }
        else {
            for (String name : names) {
                chosen.add(standard.stream().filter(s -> s.name().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown scenario '%s'; known: %s, all".formatted(name,
                                String.join(", ", standard.stream().map(Scenario::name).toList())))));
            }
        }
        return scenes > 0 ? chosen.stream().map(s -> s.withScenes(scenes)).toList() : chosen;
    }
}
