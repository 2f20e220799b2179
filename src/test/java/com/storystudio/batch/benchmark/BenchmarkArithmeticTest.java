package com.storystudio.batch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic on made-up figures; the benchmark itself runs only with -Pbenchmark. */
class BenchmarkArithmeticTest {

    @Test
    void percentilesInterpolateBetweenClosestRanks() {
        List<Double> unsorted = List.of(4.0, 1.0, 3.0, 2.0);
        assertThat(Percentiles.of(unsorted, 50)).isEqualTo(2.5);
        assertThat(Percentiles.of(unsorted, 0)).isEqualTo(1.0);
        assertThat(Percentiles.of(unsorted, 100)).isEqualTo(4.0);

        List<Double> oneToTwenty = IntStream.rangeClosed(1, 20).mapToObj(i -> (double) i).toList();
        assertThat(Percentiles.of(oneToTwenty, 95)).isCloseTo(19.05, within(1e-9));
        assertThat(Percentiles.of(List.of(7.0), 95)).isEqualTo(7.0);
        assertThat(Percentiles.of(List.of(), 50)).isNaN();
        assertThatThrownBy(() -> Percentiles.of(oneToTwenty, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idealBoundIsOneColdStartPlusTheWorkSpreadOverEveryWorker() {
        assertThat(ScenarioResult.idealSeconds(60, 1_200, 4)).isEqualTo(360.0);
        assertThat(ScenarioResult.idealSeconds(1, 100, 8)).isEqualTo(13.5);
        assertThatThrownBy(() -> ScenarioResult.idealSeconds(60, 1_200, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratiosOfNothingAreNotANumberRatherThanInfinite() {
        assertThat(ScenarioResult.ratio(3, 2)).isEqualTo(1.5);
        assertThat(ScenarioResult.ratio(3, 0)).isNaN();
    }

    @Test
    void aRowIsComputedFromTheMeasurements() {
        Measurements measured = new Measurements(10, 4, null, 11, 60, 1_200, 720, 540, List.of(100.0, 200.0, 300.0),
                List.of(2.0, 4.0, 6.0, 8.0, 30.0), 10, 150, 40, 1_600, 200, 8, 5, 64L * 1024 * 1024, 7);

        ScenarioResult row = ScenarioResult.of("case", measured);

        assertThat(row.window()).isEqualTo("default");
        assertThat(row.idealSeconds()).isEqualTo(360.0);
        assertThat(row.ratio()).isEqualTo(2.0);
        assertThat(row.replayRatio()).isEqualTo(1.5);
        assertThat(row.jobCv()).isCloseTo(0.5, within(1e-12));
        assertThat(row.greedyRatio()).isNaN();
        assertThat(row.longestFirstRatio()).isNaN();
        assertThat(row.statusTarget()).isCloseTo(1_200.0 / 11 / 10 / 2 + 2, within(1e-12));
        assertThat(row.utilisation()).isCloseTo(1_200.0 / (4 * 720), within(1e-12));
        assertThat(row.statusPerScene()).isEqualTo(15.0);
        assertThat(row.healthPerScene()).isEqualTo(4.0);
        assertThat(row.delayMedianSeconds()).isEqualTo(6.0);
        assertThat(row.delayP95Seconds()).isCloseTo(25.6, within(1e-9));
        assertThat(row.idleShare()).isEqualTo(0.125);
        assertThat(row.scenesPerWallSecond()).isEqualTo(1.25);
        assertThat(row.cpuSeconds()).isEqualTo(5);
        assertThat(row.resultChunks()).isEqualTo(7);
    }

    @Test
    void anOverheadIsTheMedianOfOneScenariosRunsAgainstTheMedianOfTheOthers() {
        List<ScenarioResult> warm = List.of(run("instant", 26), run("instant-dl", 30), run("instant", 40), run("instant-dl", 27),
                run("instant", 24), run("64x4", 99), run("instant-dl", 28));

        Overhead wall = Overhead.of(warm, "instant", "instant-dl", ScenarioResult::wallSeconds);

        assertThat(wall.measured()).isTrue();
        assertThat(wall.baseMedian()).isEqualTo(26.0);
        assertThat(wall.baseRuns()).isEqualTo(3);
        assertThat(wall.otherMedian()).isEqualTo(28.0);
        assertThat(wall.otherRuns()).isEqualTo(3);
        assertThat(wall.percent()).isCloseTo(100.0 * 2 / 26, within(1e-9));
        assertThat(Overhead.of(warm, "instant", "200x8", ScenarioResult::wallSeconds).measured()).isFalse();
    }

    private static ScenarioResult run(String name, double wallSeconds) {
        return ScenarioResult.of(name, new Measurements(1, 1, null, 1, 0, 10, 10, 10, List.of(10.0), List.of(), 10, 1, 0, 10, 0,
                wallSeconds, 2 * wallSeconds, 0, 1));
    }

    @Test
    void anExplicitWindowIsShownAsPassed() {
        Measurements measured = new Measurements(1, 1, 1, 1, 0, 10, 10, 10, List.of(10.0), List.of(), 10, 1, 0, 10, 0, 1, 1, 0, 1);
        assertThat(ScenarioResult.of("naive", measured).window()).isEqualTo("1");
        assertThat(ScenarioResult.of("naive", measured).delayMedianSeconds()).isNaN();
        assertThat(ScenarioResult.of("naive", measured).jobCv()).isNaN();
    }

    @Test
    void realTimeMapsToSimulatedTimeAtTheScale() {
        Instant real = Instant.parse("2026-01-01T12:00:00Z");
        Instant simulated = Instant.parse("2026-01-01T12:00:05Z");
        ClockMapping clocks = new ClockMapping(real, simulated, 1_000);

        assertThat(clocks.toSimulated(real.plusMillis(3))).isEqualTo(simulated.plusSeconds(3));
        assertThat(clocks.toSimulated(real.minusMillis(2))).isEqualTo(simulated.minusSeconds(2));
    }

    @Test
    void timingsAreDividedByTheTimeScale() {
        LaunchArguments launch = new LaunchArguments(1_000);
        assertThat(launch.scaled(Duration.ofSeconds(10))).isEqualTo("10ms");
        assertThat(launch.scaled(Duration.ofMillis(500))).isEqualTo("500us");
        assertThat(launch.scaled(Duration.ofMinutes(90))).isEqualTo("5400ms");
        assertThat(launch.simulatedPollInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void scenariosAreChosenByNameAndCanBeResized() {
        assertThat(Scenarios.select(List.of("all"), 0)).extracting(Scenario::name)
                .containsExactly("64x4", "64x4-url", "64x4-blind", "naive", "200x8", "200x8-dl", "instant", "instant-dl");
        List<Scenario> quick = Scenarios.select(List.of("naive", "64x4"), 12);
        assertThat(quick).extracting(Scenario::name).containsExactly("naive", "64x4");
        assertThat(quick).extracting(Scenario::scenes).containsOnly(12);
        assertThat(quick.get(0).maxInFlight()).isEqualTo(1);
        assertThat(quick.get(1).maxInFlight()).isNull();
        assertThatThrownBy(() -> Scenarios.select(List.of("64x5"), 0)).hasMessageContaining("unknown scenario '64x5'");
    }

    @Test
    void theUrlScenarioIsTheLocalFileScenarioWithItsAudioAtUrls() {
        List<Scenario> pair = Scenarios.select(List.of("64x4", "64x4-url"), 0).stream().map(s -> s.withSeed(7)).toList();

        assertThat(pair.get(0).audioAtUrls()).isFalse();
        assertThat(pair.get(1).audioAtUrls()).isTrue();
        assertThat(pair.get(1).withScenes(10).audioAtUrls()).isTrue();
        assertThat(pair.get(1).audioLengths()).isEqualTo(pair.get(0).audioLengths());
        assertThat(pair.get(1).emulator()).isEqualTo(pair.get(0).emulator());
    }

    @Test
    void theCoefficientOfVariationIsTheSampleDeviationOverTheMean() {
        assertThat(Variation.coefficient(List.of(100.0, 200.0, 300.0))).isCloseTo(0.5, within(1e-12));
        assertThat(Variation.coefficient(List.of(7.0, 7.0))).isZero();
        assertThat(Variation.coefficient(List.of(7.0))).isNaN();
        assertThat(Variation.coefficient(List.of(0.0, 0.0))).isNaN();
    }

    @Test
    void aDelayFreeGreedyClientIsIdealWhenEveryJobIsAsLongAndFallsShortOnlyThroughTheSpread() {
        var even = com.storystudio.batch.simulator.SimulatorSettings.defaults().withWorkersMax(4).withServiceTimeCv(0)
                .withModelLoad(Duration.ZERO);
        List<Integer> oneClipEach = Collections.nCopies(64, 1);
        assertThat(GreedyExpectation.ratio(even, oneClipEach, 1)).isCloseTo(1.0, within(1e-9));

        double spread = GreedyExpectation.ratio(even.withServiceTimeCv(0.5), oneClipEach, 1);
        assertThat(spread).isGreaterThan(1.0).isLessThan(1.1);
        // One clip each: the order cannot matter, and both orders see the very same draws.
        assertThat(GreedyExpectation.longestFirstRatio(even.withServiceTimeCv(0.5), oneClipEach, 1)).isEqualTo(spread);
    }

    @Test
    void longestFirstEvensOutTheEndThatABlindOrderLeavesToChance() {
        // Two workers, 10 s per clip, no spread: 2, 1, 1 clips. Longest first ends both workers at 20 s, the ideal.
        // A blind order puts the 2-clip job last one time in three: 10 | 10, then 20 more, 30 s in all.
        var twoWorkers = com.storystudio.batch.simulator.SimulatorSettings.defaults().withWorkersMax(2)
                .withServiceTimeCv(0).withModelLoad(Duration.ZERO).withWorkerStartup(Duration.ZERO)
                .withMeanServiceTime(Duration.ofSeconds(10));
        List<Integer> clips = List.of(1, 1, 2);
        assertThat(GreedyExpectation.longestFirstRatio(twoWorkers, clips, 3)).isEqualTo(1.0);
        assertThat(GreedyExpectation.ratio(twoWorkers, clips, 3)).isCloseTo((30.0 / 3 + 20.0 * 2 / 3) / 20, within(0.03));
    }

    @Test
    void audioLengthsAreSeededClippedAndCountedInWholeFiveSecondClips() {
        AudioLengths lines = AudioLengths.SPOKEN_LINES;
        List<Duration> lengths = lines.draw(42, 2_000);
        assertThat(lines.draw(42, 2_000)).isEqualTo(lengths);
        assertThat(lines.draw(42, 64)).isEqualTo(lengths.subList(0, 64));
        assertThat(lines.draw(43, 64)).isNotEqualTo(lengths.subList(0, 64));
        assertThat(lengths).allSatisfy(length -> assertThat(length).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60)));

        List<Double> clips = lengths.stream().map(length -> (double) AudioLengths.clips(length)).toList();
        assertThat(clips.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).isCloseTo(3.0, within(0.1));
        // With the emulator's residual CV of 0.1: sqrt((1 + cv^2) * 1.01 - 1) about 0.5 overall.
        double clipsCv = Variation.coefficient(clips);
        assertThat(Math.sqrt((1 + clipsCv * clipsCv) * 1.01 - 1)).isCloseTo(0.5, within(0.03));

        assertThat(AudioLengths.clips(Duration.ofMillis(1_000))).isEqualTo(1);
        assertThat(AudioLengths.clips(Duration.ofMillis(5_000))).isEqualTo(1);
        assertThat(AudioLengths.clips(Duration.ofMillis(5_001))).isEqualTo(2);
        assertThat(AudioLengths.clips(Duration.ofSeconds(60))).isEqualTo(12);
    }

    @Test
    void aScenarioWithoutDrawnAudioHasOneClipPerScene() {
        Scenario blind = Scenarios.select(List.of("64x4-blind"), 10).get(0);
        assertThat(blind.audioLengths()).isEmpty();
        assertThat(blind.audioClips()).hasSize(10).containsOnly(1);
        Scenario spoken = Scenarios.select(List.of("64x4"), 10).get(0).withSeed(7);
        assertThat(spoken.audioClips()).hasSize(10)
                .isEqualTo(spoken.audioLengths().stream().map(AudioLengths::clips).toList());
    }

    @Test
    void theReplayHandsEachJobInTurnToTheFirstFreeWorker() {
        // Two workers ready at 10: 5 and 3 start at once; 4 follows the 3 (at 13), 1 follows the 5 (at 15).
        assertThat(GreedyExpectation.replay(List.of(5.0, 3.0, 4.0, 1.0), 2, 10)).isEqualTo(17.0);
    }
}
