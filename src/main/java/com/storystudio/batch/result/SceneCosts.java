package com.storystudio.batch.result;

import java.math.BigDecimal;
import java.util.Map;

import com.storystudio.batch.cost.GpuPrice;

/**
 * What each scene's jobs cost, for the results: the GPU seconds RunPod billed for them over all runs of the
 * input (failed attempts included), and that time at the GPU's price.
 */
public record SceneCosts(Map<String, Double> gpuSecondsByScene, GpuPrice price) {

    /** Before any job has ended: every scene's cost cells blank. */
    public static SceneCosts none() {
        return new SceneCosts(Map.of(), new GpuPrice(1.89));
    }

    public SceneCosts {
        gpuSecondsByScene = Map.copyOf(gpuSecondsByScene);
    }

    /** Null when RunPod has reported no execution time for the scene's jobs. */
    Double gpuSeconds(String sceneId) {
        return gpuSecondsByScene.get(sceneId);
    }

    BigDecimal dollars(String sceneId) {
        Double seconds = gpuSeconds(sceneId);
        return seconds == null ? null : price.dollars(seconds);
    }
}
