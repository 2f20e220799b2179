package com.storystudio.batch.scene;

import java.util.Locale;
import java.util.Optional;

/** Output resolutions the Wan2.2 S2V endpoint accepts. */
public enum Resolution {
    P480("480p", 1.0),
    /** 1280x720 against 854x480. */
    P720("720p", 2.25);

    private final String value;
    private final double relativePixels;

    Resolution(String value, double relativePixels) {
        this.value = value;
        this.relativePixels = relativePixels;
    }

    /** Pixels per frame relative to 480p: the model's work per frame grows with them. */
    public double relativePixels() {
        return relativePixels;
    }

    /** The value for the RunPod request's {@code resolution} field. */
    public String value() {
        return value;
    }

    /** Case-insensitive, surrounding whitespace ignored; empty for anything else (including null). */
    public static Optional<Resolution> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Resolution resolution : values()) {
            if (resolution.value.equals(wanted)) {
                return Optional.of(resolution);
            }
        }
        return Optional.empty();
    }
}
