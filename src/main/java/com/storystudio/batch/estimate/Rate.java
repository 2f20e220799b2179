package com.storystudio.batch.estimate;

/**
 * A figure the estimate rests on, and where it comes from, as the output says it.
 *
 * @param value  seconds: of GPU per work unit for a rate, of execution for a model load
 * @param source e.g. "from 64 earlier jobs on this endpoint" or "from the published timings"
 */
public record Rate(Span value, String source) {
}
