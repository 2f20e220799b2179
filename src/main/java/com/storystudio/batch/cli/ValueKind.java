package com.storystudio.batch.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.convert.DurationStyle;

/** What an option's value must look like, checked before anything starts. */
enum ValueKind {
    /** Present or not; takes no value. */
    FLAG("no value"),
    TEXT("any text"),
    PATH("a file or folder path"),
    URL("an http:// or https:// URL"),
    /** 0 or more: {@code 0s} usually means "off". */
    DURATION("a duration such as 200ms, 10s, 5m or 2h (0s or more)"),
    POSITIVE_DURATION("a duration such as 200ms, 10s, 5m or 2h, more than 0"),
    COUNT("a whole number, 1 or more"),
    NON_NEGATIVE("a whole number, 0 or more"),
    WHOLE_NUMBER("a whole number"),
    SHARE("a number from 0 to 1, such as 0.5"),
    POSITIVE_NUMBER("a number more than 0, such as 1.5"),
    /** One of the option's choices. */
    CHOICE("one of the choices");

    private final String accepted;

    ValueKind(String accepted) {
        this.accepted = accepted;
    }

    String accepted() {
        return accepted;
    }

    /** Whether the value is acceptable, as "what is wrong"; choices are checked by {@link OptionSpec}. */
    Optional<String> problem(String value) {
        boolean valid = switch (this) {
            case FLAG, CHOICE -> true;
            case TEXT, PATH -> !value.isBlank();
            case URL -> isHttpUrl(value);
            case DURATION -> duration(value).filter(d -> !d.isNegative()).isPresent();
            case POSITIVE_DURATION -> duration(value).filter(d -> !d.isNegative() && !d.isZero()).isPresent();
            case COUNT -> whole(value).filter(n -> n >= 1 && n <= Integer.MAX_VALUE).isPresent();
            case NON_NEGATIVE -> whole(value).filter(n -> n >= 0 && n <= Integer.MAX_VALUE).isPresent();
            case WHOLE_NUMBER -> whole(value).isPresent();
            case SHARE -> number(value).filter(x -> x >= 0 && x <= 1).isPresent();
            case POSITIVE_NUMBER -> number(value).filter(x -> x > 0 && Double.isFinite(x)).isPresent();
        };
        return valid ? Optional.empty() : Optional.of("expected " + accepted);
    }

    private static Optional<Duration> duration(String value) {
        try {
            return Optional.of(DurationStyle.detectAndParse(value.trim()));
        }
        catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> whole(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String value) {
        try {
            return Optional.of(Double.parseDouble(value.trim()));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }
}
