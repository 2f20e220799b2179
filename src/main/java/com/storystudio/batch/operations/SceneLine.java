package com.storystudio.batch.operations;

import java.util.List;

/**
 * One scene as {@code show} tells it.
 *
 * @param status   COMPLETED or FAILED from the results; IN_PROGRESS while its latest job is live on RunPod; else PENDING
 * @param attempts remote jobs (or attempts at one) it was given
 * @param jobs     its RunPod jobs, oldest first, each {@code ID STATE}
 * @param error    why it failed, or why its latest job did; null when nothing went wrong
 */
public record SceneLine(String sceneId, String status, int attempts, List<String> jobs, String error) {
}
