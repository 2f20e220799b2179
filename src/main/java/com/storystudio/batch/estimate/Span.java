package com.storystudio.batch.estimate;

/**
 * A figure with its range: the expected value and how low or high it may plausibly come out.
 *
 * @param low      the optimistic end
 * @param expected the best guess
 * @param high     the pessimistic end
 */
public record Span(double low, double expected, double high) {

    public Span {
        if (!(low <= expected && expected <= high)) {
            throw new IllegalArgumentException("a span needs low <= expected <= high, was %s, %s, %s".formatted(low, expected, high));
        }
    }

    public static Span exactly(double value) {
        return new Span(value, value, value);
    }

    public Span plus(Span other) {
        return new Span(low + other.low, expected + other.expected, high + other.high);
    }

    public Span times(double factor) {
        return new Span(low * factor, expected * factor, high * factor);
    }
}
