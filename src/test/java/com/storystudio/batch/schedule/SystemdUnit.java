package com.storystudio.batch.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A systemd unit file as systemd reads it: {@code [Section]} headers, {@code Key=value} lines (a key may repeat),
 * {@code #} and {@code ;} comments, a trailing backslash continuing the line.
 */
record SystemdUnit(Map<String, Map<String, List<String>>> sections, List<String> malformed) {

    private static final Pattern TIME_SPAN = Pattern.compile("(\\d+)\\s*(ms|msec|s|sec|second|seconds|m|min|minute|minutes|h|hr|hour|hours)?\\s*");

    static SystemdUnit parse(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        String section = null;
        for (String line : text.replace("\\\n", " ").lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1);
                sections.putIfAbsent(section, new LinkedHashMap<>());
            }
            else if (section != null && line.indexOf('=') > 0) {
                int equals = line.indexOf('=');
                sections.get(section).computeIfAbsent(line.substring(0, equals).strip(), key -> new ArrayList<>())
                        .add(line.substring(equals + 1).strip());
            }
            else {
                malformed.add(line);
            }
        }
        return new SystemdUnit(sections, malformed);
    }

    /** The key's last value in the section, as systemd takes it for single-valued settings. */
    Optional<String> value(String section, String key) {
        List<String> values = sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    List<String> values(String section, String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }

    /** A systemd time span ({@code 90}, {@code 90s}, {@code 1min 30s}); empty for {@code infinity} or what is not one. */
    static Optional<Duration> timeSpan(String text) {
        Matcher part = TIME_SPAN.matcher(text.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.lookingAt() && end < text.strip().length()) {
            long amount = Long.parseLong(part.group(1));
            String unit = part.group(2) == null ? "s" : part.group(2);
            total = total.plus(switch (unit) {
                case "ms", "msec" -> Duration.ofMillis(amount);
                case "m", "min", "minute", "minutes" -> Duration.ofMinutes(amount);
                case "h", "hr", "hour", "hours" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            });
            end = part.end();
            part.region(end, text.strip().length());
        }
        return end == text.strip().length() && end > 0 ? Optional.of(total) : Optional.empty();
    }
}
