package com.storystudio.batch.result;

import java.util.List;

/**
 * The scenes that reached their final result since the generate step last asked: the step's item.
 * One chunk transaction records them together, so a run of near-instant jobs is not one transaction
 * (and one step-execution update) per scene, while a scene that finishes alone is recorded at once.
 */
public record FinishedScenes(List<SceneResult> results) {

    public FinishedScenes {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("a batch of finished scenes holds at least one");
        }
        results = List.copyOf(results);
    }
}
