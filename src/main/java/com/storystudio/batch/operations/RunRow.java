package com.storystudio.batch.operations;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;

import org.springframework.batch.core.BatchStatus;

/**
 * One run as {@code list} shows it.
 *
 * @param executionIds newest first
 * @param status       Spring Batch's status of its newest execution
 * @param scenes       the input's scene count, once a run has checked it
 * @param started      when its first execution started
 * @param took         the time its executions ran, together (a running one up to now)
 * @param gpuCost      what RunPod billed its jobs, at the configured GPU price
 */
public record RunRow(long instanceId, Path input, List<Long> executionIds, BatchStatus status, int done, int failed,
                     OptionalInt scenes, LocalDateTime started, Duration took, BigDecimal gpuCost) {

    /** Scenes with neither a video nor a final failure; empty while the scene count is not known. */
    public OptionalInt left() {
        return scenes.isPresent() ? OptionalInt.of(Math.max(0, scenes.getAsInt() - done - failed)) : OptionalInt.empty();
    }
}
