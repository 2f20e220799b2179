package com.storystudio.batch.runpod;

/** What {@code /status} (or {@code /run}, {@code /cancel}) says about one job. */
public record JobStatus(String id, RemoteStatus status, String rawStatus, Long delayTimeMs, Long executionTimeMs,
                        JobOutput output, String error) {
}
