package com.storystudio.batch.scene;

import java.util.Locale;
import java.util.Optional;

/** Output resolutions the Wan2.2 S2V endpoint accepts. */
public enum Resolution {
    P480("480p"),
    P720("720p");

    private final String value;

    Resolution(String value) {
        this.value = value;
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
