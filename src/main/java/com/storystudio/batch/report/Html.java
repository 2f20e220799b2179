package com.storystudio.batch.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the report writes text and numbers: every text from the input or RunPod goes through {@link #text}. */
final class Html {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String HEX = "0123456789ABCDEF";

    private Html() {
    }

    /** Safe in element content and in quoted attribute values, of HTML and of inline SVG alike. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /** An http(s) URL as a link target; null for anything else ({@code javascript:} and the like are never linked). */
    static String webLink(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toASCIIString() : null;
        }
        catch (URISyntaxException e) {
            return null;
        }
    }

    /** A relative path as a URI reference: each segment percent-encoded, so that no name can make it another URL. */
    static String relativeReference(String path) {
        StringBuilder reference = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == '/' || (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0))) {
                reference.append(c);
            }
            else {
                reference.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            }
        }
        return reference.toString();
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** 1 h 02 min, 3 min 05 s, 4.2 s. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }

    static String duration(Duration duration) {
        return duration(duration.toMillis() / 1000.0);
    }

    static String dollars(BigDecimal dollars) {
        return dollars == null ? "" : "$" + dollars.toPlainString();
    }

    static String seconds(Double seconds) {
        return seconds == null ? "" : decimals(seconds, 1) + " s";
    }

    /** As {@code %.Nf} would write it, without parsing a format for each of thousands of cells. */
    static String decimals(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
}
