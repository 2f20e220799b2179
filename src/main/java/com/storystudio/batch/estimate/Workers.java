package com.storystudio.batch.estimate;

/**
 * How many of the scenes run at once, and why that many.
 *
 * @param source e.g. "the endpoint's workersMax" or why it could not be read
 */
public record Workers(int count, String source) {
}
