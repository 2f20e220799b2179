package com.storystudio.batch.resilience;

import java.util.Random;
import java.util.stream.LongStream;

/**
 * The seeds a randomised resilience test runs with, so that a red build can be repeated: by default the
 * test's fixed list; {@code -Dresilience.seed=N} only seed N; {@code -Dresilience.seed=random} one seed
 * drawn from the clock. Each run prints its seed with the command that repeats it.
 */
final class Seeds {

    static final String PROPERTY = "resilience.seed";
    static final String RANDOM = "random";

    private Seeds() {
    }

    /** The seeds to run: {@code fixed} unless {@value #PROPERTY} chooses one. For a {@code @MethodSource}. */
    static LongStream chosenOr(long... fixed) {
        String chosen = System.getProperty(PROPERTY, "").trim();
        if (chosen.isEmpty()) {
            return LongStream.of(fixed);
        }
        if (chosen.equalsIgnoreCase(RANDOM)) {
            return LongStream.of(System.currentTimeMillis());
        }
        try {
            return LongStream.of(Long.parseLong(chosen));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D%s takes a number or '%s', not '%s'".formatted(PROPERTY, RANDOM, chosen), e);
        }
    }

    /** Prints the seed {@code test} runs with, and how to run it again, and gives its random numbers. */
    static Random announce(String tag, Class<?> test, long seed) {
        System.out.printf("[%s] seed %d (repeat with -Dit.test=%s -D%s=%d)%n", tag, seed, test.getSimpleName(), PROPERTY, seed);
        return new Random(seed);
    }
}
