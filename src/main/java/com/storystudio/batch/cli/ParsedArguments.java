package com.storystudio.batch.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line as written, read the way Spring Boot reads it ({@code --name} or {@code --name=value};
 * anything else is an operand), plus {@code -h} for {@code --help}. Read before anything starts.
 *
 * @param options  each option's values in order given; a {@code null} value for {@code --name} without one
 * @param operands what is not an option
 */
public record ParsedArguments(Map<String, List<String>> options, List<String> operands) {

    public static ParsedArguments of(String... args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("-h")) {
                options.computeIfAbsent("help", name -> new ArrayList<>()).add(null);
            }
            else if (arg.startsWith("--") && arg.length() > 2 && arg.charAt(2) != '=') {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                options.computeIfAbsent(name, key -> new ArrayList<>()).add(equals < 0 ? null : arg.substring(equals + 1));
            }
            else {
                operands.add(arg);
            }
        }
        options.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return new ParsedArguments(Collections.unmodifiableMap(options), List.copyOf(operands));
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }

    public Set<String> names() {
        return options.keySet();
    }

    /** The option's one value; empty when it is not given, or given other than as exactly one {@code --name=VALUE}. */
    public Optional<String> value(String option) {
        List<String> values = options.get(option);
        return values == null || values.size() != 1 || values.get(0) == null || values.get(0).isBlank()
                ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> values(String option) {
        return options.getOrDefault(option, List.of());
    }
}
