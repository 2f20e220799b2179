package com.storystudio.batch.generation;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Tells a worker error that will happen again whatever we do (the request is wrong) from one that
 * may pass on another try (a GPU hiccup, a crashed worker, a timeout). Unknown errors count as
 * transient: a bounded number of retries costs less than giving up on a scene that would have worked.
 */
@Component
public class FailureClassifier {

    /** Errors the Wan2.2 S2V worker reports for a request that is wrong in itself (seed, section 5). */
    private static final List<String> PERMANENT = List.of(
            "missing required input", "invalid resolution", "invalid sample_steps", "invalid input",
            "cannot decode", "unsupported format", "validation error");

    public boolean isPermanent(String error) {
        if (error == null) {
            return false;
        }
        String text = error.toLowerCase(Locale.ROOT);
        return PERMANENT.stream().anyMatch(text::contains);
    }
}
