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
 * @param operands what is not an option, except a word right after an option given without a value
 * @param detached options given without a value and followed by a word, as in {@code --runpod.api-key KEY}: most
 *                 likely a value written with a space for the {@code =}; the word is not kept, since it may be a secret
 */
public record ParsedArguments(Map<String, List<String>> options, List<String> operands, List<String> detached) {

    public static ParsedArguments of(String... args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        List<String> detached = new ArrayList<>();
        String valueless = null;
        for (String arg : args) {
            String previous = valueless;
            valueless = null;
            if (arg.equals("-h")) {
                options.computeIfAbsent("help", name -> new ArrayList<>()).add(null);
            }
            else if (arg.startsWith("--") && arg.length() > 2 && arg.charAt(2) != '=') {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                options.computeIfAbsent(name, key -> new ArrayList<>()).add(equals < 0 ? null : arg.substring(equals + 1));
                valueless = equals < 0 ? name : null;
            }
            else if (previous != null && !arg.startsWith("-")) {
                detached.add(previous);
            }
            else {
                operands.add(arg);
            }
        }
        options.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return new ParsedArguments(Collections.unmodifiableMap(options), List.copyOf(operands), List.copyOf(detached));
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
