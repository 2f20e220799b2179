package com.storystudio.batch.benchmark;

import com.storystudio.batch.estimate.Estimate;
import com.storystudio.batch.estimate.Span;

/**
 * How the estimate made before a scenario compares with what the scenario measured. Cost is GPU seconds times
 * one price, so its error is that of the GPU seconds: the estimate's against the emulator's billed execution
 * (model loads included), which is what the application's own cost counts.
 */
record EstimateResult(String name, Span makespanSeconds, double measuredMakespanSeconds, Span gpuSeconds,
                      double measuredGpuSeconds) {

    static EstimateResult of(String name, Estimate estimate, Measurements measured) {
        return new EstimateResult(name, estimate.makespanSeconds(), measured.makespanSeconds(), estimate.gpuSeconds(),
                measured.executionSeconds());
    }

    /** (estimate - measured) / measured, in percent: positive when the estimate was too high. */
    double makespanErrorPercent() {
        return error(makespanSeconds.expected(), measuredMakespanSeconds);
    }

    double costErrorPercent() {
        return error(gpuSeconds.expected(), measuredGpuSeconds);
    }

    boolean makespanInRange() {
        return makespanSeconds.low() <= measuredMakespanSeconds && measuredMakespanSeconds <= makespanSeconds.high();
    }

    boolean costInRange() {
        return gpuSeconds.low() <= measuredGpuSeconds && measuredGpuSeconds <= gpuSeconds.high();
    }

    private static double error(double estimated, double measured) {
        return 100 * ScenarioResult.ratio(estimated - measured, measured);
    }
}
