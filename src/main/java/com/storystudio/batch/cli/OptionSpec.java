package com.storystudio.batch.cli;

import java.util.List;
import java.util.Optional;

/**
 * One option of the command line, as {@code --help} shows it and as it is checked before anything
 * starts.
 *
 * @param name      without the dashes: {@code input}, {@code runpod.poll-interval}
 * @param kind      what its value must be
 * @param choices   the accepted values of a {@link ValueKind#CHOICE}; empty otherwise
 * @param valueName how {@code --help} writes the value ({@code FILE}, {@code DURATION}); empty for a flag
 * @param help      one or more lines of {@code --help}
 */
record OptionSpec(String name, ValueKind kind, List<String> choices, String valueName, String help) {

    /** Where the help text starts in {@code --help}'s option lines. */
    private static final int HELP_COLUMN = 38;

    static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, ValueKind.FLAG, List.of(), "", help);
    }

    static OptionSpec value(String name, ValueKind kind, String valueName, String help) {
        return new OptionSpec(name, kind, List.of(), valueName, help);
    }

    static OptionSpec choice(String name, List<String> choices, String help) {
        return new OptionSpec(name, ValueKind.CHOICE, List.copyOf(choices), String.join("|", choices), help);
    }

    /** What is wrong with {@code --name=value} as given, if anything. */
    Optional<String> problem(List<String> values) {
        if (kind == ValueKind.FLAG) {
            return values.stream().anyMatch(value -> value != null)
                    ? Optional.of("--%s takes no value: write just --%s".formatted(name, name)) : Optional.empty();
        }
        if (values.size() != 1 || values.get(0) == null) {
            return Optional.of("--%s needs exactly one value, as --%s=%s".formatted(name, name, valueName));
        }
        String value = values.get(0);
        if (value.isEmpty() && kind == ValueKind.TEXT) {
            return Optional.empty(); // --runpod.api-key= unsets what the environment gave
        }
        if (kind == ValueKind.CHOICE) {
            return choices.contains(value.trim()) ? Optional.empty()
                    : Optional.of("--%s=%s: expected one of %s".formatted(name, value, String.join(", ", choices)));
        }
        return kind.problem(value).map(expected -> "--%s=%s: %s".formatted(name, value, expected));
    }

    /** Its lines of {@code --help}. */
    String usage() {
        return helpLines("  --" + name + (valueName.isEmpty() ? "" : "=" + valueName), help);
    }

    /** {@code left}, then {@code help} from the help column on: an option's lines, or a command operand's. */
    static String helpLines(String left, String help) {
        List<String> lines = help.lines().toList();
        StringBuilder text = new StringBuilder();
        String indent = " ".repeat(HELP_COLUMN);
        if (left.length() < HELP_COLUMN) {
            text.append(left).append(" ".repeat(HELP_COLUMN - left.length())).append(lines.get(0)).append('\n');
        }
        else {
            text.append(left).append('\n').append(indent).append(lines.get(0)).append('\n');
        }
        lines.stream().skip(1).forEach(line -> text.append(indent).append(line).append('\n'));
        return text.toString();
    }
}
