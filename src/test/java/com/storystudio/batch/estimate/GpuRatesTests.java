package com.storystudio.batch.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.scene.Resolution;

class GpuRatesTests {

    @Test
    void withoutHistoryTheRatesAreThePublishedOnesScaledByPixelsAndSteps() {
        GpuRates rates = new GpuRates(List.of());

        Rate rate = rates.rateFor(Resolution.P720, 40);

        assertThat(rate.value()).isEqualTo(SeedTimings.RATE);
        assertThat(rate.source()).startsWith("from the published timings");
        // 24-36 GPU s per audio second at 480p and 20 steps; 2.25 times the pixels and twice the steps.
        PairRate pair = new PairRate(Resolution.P720, 40, 1, rate);
        assertThat(pair.perAudioSecond().expected()).isCloseTo(30 * 2.25 * 2, within(1e-9));
        assertThat(rates.modelLoad().value()).isEqualTo(SeedTimings.MODEL_LOAD_SECONDS);
    }

    @Test
    void aWorkersFirstJobIsToldApartAndGivesTheModelLoad() {
        List<PastJob> history = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // 4 clips of 50 s each, +-10 %: 10 GPU s per audio second.
            history.add(new PastJob(Resolution.P480, 20, 18.0, 200 * (i % 3 == 0 ? 0.9 : i % 3 == 1 ? 1.0 : 1.1)));
        }
        // Cold jobs of a one-clip and a twelve-clip line: the load (600 s) is 12 and 1 times their work.
        history.add(new PastJob(Resolution.P480, 20, 2.0, 600 + 50));
        history.add(new PastJob(Resolution.P480, 20, 60.0, 600 + 600));

        GpuRates rates = new GpuRates(history);

        Rate rate = rates.rateFor(Resolution.P480, 20);
        assertThat(rate.value().expected()).isCloseTo(10, within(1e-9));
        assertThat(rate.value().low()).isCloseTo(9, within(1e-9));
        assertThat(rate.value().high()).isCloseTo(11, within(1e-9));
        assertThat(rate.source()).isEqualTo("from 30 earlier jobs at 480p, 20 steps on this endpoint");
        assertThat(rates.modelLoad().value().expected()).isCloseTo(600, within(1e-9));
        assertThat(rates.modelLoad().source()).isEqualTo("from 2 cold start(s) seen on this endpoint");
    }

    @Test
    void aResolutionWithoutEnoughHistoryIsScaledFromTheEndpointsOtherJobs() {
        List<PastJob> history = new ArrayList<>();
        for (int i = 0; i < GpuRates.ENOUGH_JOBS; i++) {
            history.add(new PastJob(Resolution.P480, 20, 10.0, 100));
        }
        history.add(new PastJob(Resolution.P720, 30, 10.0, 100 * 2.25 * 1.5));

        Rate rate = new GpuRates(history).rateFor(Resolution.P720, 30);

        assertThat(rate.value().expected()).isCloseTo(10, within(1e-9));
        assertThat(rate.source()).isEqualTo("from 11 earlier jobs on this endpoint, scaled by pixels and steps");
    }

    @Test
    void enoughHistoryWithoutAColdJobMeansTheLoadIsNotBilledInTheJobs() {
        List<PastJob> history = new ArrayList<>();
        for (int i = 0; i < GpuRates.ENOUGH_JOBS; i++) {
            history.add(new PastJob(Resolution.P480, 20, 10.0, 100));
        }

        Rate load = new GpuRates(history).modelLoad();

        assertThat(load.value()).isEqualTo(Span.exactly(0));
        assertThat(load.source()).isEqualTo("none seen in 10 earlier jobs on this endpoint");
    }

    @Test
    void audioCountsInWholeClips() {
        assertThat(WorkUnits.renderedSeconds(0)).isEqualTo(5);
        assertThat(WorkUnits.renderedSeconds(5)).isEqualTo(5);
        assertThat(WorkUnits.renderedSeconds(5.001)).isEqualTo(10);
        assertThat(WorkUnits.of(12, Resolution.P720, 40)).isCloseTo(15 * 2.25 * 2, within(1e-9));
    }
}
