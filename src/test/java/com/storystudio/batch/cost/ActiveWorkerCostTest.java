package com.storystudio.batch.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ActiveWorkerCostTest {

    private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");
    private static final GpuPrice PRICE = new GpuPrice(1.89);

    @Test
    void theIdleTimeIsTheHeldWorkerSecondsLessTheJobsExecutedWithinTheHold() {
        ActiveWorkerCost cost = ActiveWorkerCost.of(List.of(hold(0, 100, 1)),
                List.of(job(10, 40, 30), job(90, 110, 20), job(200, 230, 30)), 1, PRICE);

        // The second job is half inside the hold, the third not at all.
        assertThat(cost.heldWorkerSeconds()).isEqualTo(100.0);
        assertThat(cost.gpuSecondsWhileHeld()).isCloseTo(40.0, within(1e-9));
        assertThat(cost.idleWorkerSeconds()).isCloseTo(60.0, within(1e-9));
        assertThat(cost.idleDollars()).isEqualByComparingTo(new BigDecimal("0.0315"));
    }

    @Test
    void severalWorkersHeldCountEach() {
        ActiveWorkerCost cost = ActiveWorkerCost.of(List.of(hold(0, 100, 2)), List.of(job(0, 100, 100)), 1, PRICE);

        assertThat(cost.heldWorkerSeconds()).isEqualTo(200.0);
        assertThat(cost.idleWorkerSeconds()).isEqualTo(100.0);
    }

    @Test
    void overlappingHoldsAddTheirWorkerSecondsButCountAJobOnce() {
        ActiveWorkerCost cost = ActiveWorkerCost.of(List.of(hold(0, 100, 1), hold(50, 150, 1)), List.of(job(60, 70, 10)), 1, PRICE);

        assertThat(cost.heldWorkerSeconds()).isEqualTo(200.0);
        assertThat(cost.gpuSecondsWhileHeld()).isEqualTo(10.0);
        assertThat(cost.idleWorkerSeconds()).isEqualTo(190.0);
    }

    @Test
    void anEmulatorsScaledTimeConvertsTheWallClockHoldIntoItsSeconds() {
        // Ten wall seconds at 600x are 6000 of the emulator's seconds, against jobs it reports in its own seconds.
        ActiveWorkerCost cost = ActiveWorkerCost.of(List.of(hold(0, 10, 1)), List.of(job(1, 6, 3000)), 600, PRICE);

        assertThat(cost.heldWorkerSeconds()).isEqualTo(6000.0);
        assertThat(cost.idleWorkerSeconds()).isEqualTo(3000.0);
        assertThat(cost.idleDollars()).isEqualByComparingTo(new BigDecimal("1.5750"));
    }

    @Test
    void jobsThatKeptTheWorkerBusyLeaveNothingIdleAndNothingHeldAddsNothing() {
        assertThat(ActiveWorkerCost.of(List.of(hold(0, 10, 1)), List.of(job(0, 10, 25)), 1, PRICE).idleWorkerSeconds()).isZero();
        ActiveWorkerCost none = ActiveWorkerCost.of(List.of(), List.of(job(0, 10, 25)), 1, PRICE);
        assertThat(none.anyHeld()).isFalse();
        assertThat(none.idleDollars()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(ActiveWorkerCost.none(PRICE)).isEqualTo(none);
    }

    private static ActiveWorkerCost.Hold hold(int from, int to, int workers) {
        return new ActiveWorkerCost.Hold(T0.plusSeconds(from), T0.plusSeconds(to), workers);
    }

    private static ActiveWorkerCost.Execution job(int from, int to, double gpuSeconds) {
        return new ActiveWorkerCost.Execution(T0.plusSeconds(from), T0.plusSeconds(to), gpuSeconds);
    }
}
