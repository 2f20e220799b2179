package com.storystudio.batch.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MakespanPlanTests {

    @Test
    void theLongestJobsGoFirstToTheWorkerThatFreesUpFirst() {
        // 7 and 5 start; 4 follows 5 (9), 3 follows 7 (10), the last 3 follows 4 (12).
        assertThat(MakespanPlan.seconds(List.of(3.0, 7.0, 3.0, 5.0, 4.0), 2, 0)).isEqualTo(12);
    }

    @Test
    void theColdStartComesOnceBeforeTheFirstJobs() {
        assertThat(MakespanPlan.seconds(List.of(10.0, 10.0, 10.0), 3, 100)).isEqualTo(110);
        assertThat(MakespanPlan.seconds(List.of(10.0, 10.0, 10.0), 1, 100)).isEqualTo(130);
    }

    @Test
    void nothingToDoTakesNoTime() {
        assertThat(MakespanPlan.seconds(List.of(), 4, 100)).isZero();
    }
}
