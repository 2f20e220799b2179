package com.storystudio.batch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What is wrong with a command line, found from the {@link OptionCatalogue} alone, before anything
 * starts: options that do not exist (with the nearest real one), values that cannot be right, options
 * of another command, a missing required option, stray words.
 */
final class ArgumentCheck {

    private final Supplier<SpringSettingNames> springSettings;

    ArgumentCheck(Supplier<SpringSettingNames> springSettings) {
        this.springSettings = springSettings;
    }

    static ArgumentCheck withSpringMetadata() {
        return new ArgumentCheck(SpringSettingNames::load);
    }

    /**
     * The command the arguments ask for: the one named by the first word ({@code report --input=...}) or
     * by its flag ({@code --restore-worker}; the on-call commands only by their word), else the run.
     */
    static CommandSpec commandOf(ParsedArguments arguments) {
        return OptionCatalogue.COMMANDS.stream().filter(command -> command.name().filter(name -> names(arguments, command, name)).isPresent())
                .findFirst().orElse(OptionCatalogue.RUN);
    }

    private static boolean names(ParsedArguments arguments, CommandSpec spec, String command) {
        return (arguments.has(command) && !spec.hasOwnHelp()) || arguments.operands().stream().findFirst().filter(command::equals).isPresent();
    }

    /** The command's operand as written ({@code 12} of {@code show 12}); empty when it takes none or none was given. */
    static Optional<String> operandOf(ParsedArguments arguments, CommandSpec command) {
        List<String> after = afterName(arguments, command);
        return command.operand().isPresent() && !after.isEmpty() ? Optional.of(after.get(0)) : Optional.empty();
    }

    /** The words that are neither options nor the word naming the command, nor the one operand it takes. */
    private static List<String> strayWords(ParsedArguments arguments, CommandSpec command) {
        List<String> after = afterName(arguments, command);
        return operandOf(arguments, command).isPresent() ? after.subList(1, after.size()) : after;
    }

    private static List<String> afterName(ParsedArguments arguments, CommandSpec command) {
        List<String> operands = arguments.operands();
        boolean named = !operands.isEmpty() && command.name().filter(operands.get(0)::equals).isPresent();
        return named ? operands.subList(1, operands.size()) : operands;
    }

    List<String> problems(ParsedArguments arguments) {
        CommandSpec command = commandOf(arguments);
        List<String> problems = new ArrayList<>();
        SpringSettingNames spring = null;
        for (String name : arguments.names()) {
            Optional<OptionSpec> spec = OptionCatalogue.find(name);
            if (spec.isPresent()) {
                if (!arguments.detached().contains(name)) {
                    spec.get().problem(arguments.values(name)).ifPresent(problems::add);
                }
                otherCommand(name, command).ifPresent(problems::add);
            }
            else if (isSpringSetting(name)) {
                spring = spring != null ? spring : springSettings.get();
                if (!spring.isKnown(name)) {
                    problems.add(unknown(name, spring.names().stream().filter(known -> sameRoot(known, name)).toList()));
                }
            }
            else {
                problems.add(unknown(name, OptionCatalogue.all().map(OptionSpec::name).toList()));
            }
        }
        arguments.detached().stream().filter(name -> OptionCatalogue.find(name).filter(spec -> spec.kind() == ValueKind.FLAG).isEmpty())
                .map(name -> "a value for --%s follows it after a space: write --%s=VALUE".formatted(name, name))
                .forEach(problems::add);
        arguments.detached().stream().filter(name -> OptionCatalogue.find(name).filter(spec -> spec.kind() == ValueKind.FLAG).isPresent())
                .map(name -> "unexpected word after --%s (options are written --name=value)".formatted(name))
                .forEach(problems::add);
        List<String> stray = strayWords(arguments, command);
        Optional<String> meant = stray.isEmpty() ? Optional.empty() : commandMeant(arguments, stray.get(0));
        if (!stray.isEmpty()) {
            problems.add("unexpected argument(s) " + String.join(" ", stray) + meant
                    .map(word -> "; did you mean the command " + word + "?").orElse(" (options are written --name=value)"));
        }
        // A misspelt command word is the one mistake: what the run would require besides is beside the point.
        if (!arguments.has(OptionCatalogue.HELP.name()) && meant.isEmpty()) {
            command.operand().filter(operand -> operandOf(arguments, command).isEmpty())
                    .map(operand -> "%s needs its %s (see %s --help)".formatted(command.describe(), operand.name(), command.describe()))
                    .ifPresent(problems::add);
            command.required().stream().filter(option -> !arguments.has(option))
                    .map(option -> "--%s=%s is required".formatted(option, OptionCatalogue.find(option).orElseThrow().valueName()))
                    .forEach(problems::add);
        }
        return problems;
    }

    /** The command a first word misspells, as in {@code reprot --input=...}. */
    private static Optional<String> commandMeant(ParsedArguments arguments, String word) {
        boolean first = !arguments.operands().isEmpty() && arguments.operands().get(0).equals(word);
        return first ? NearestName.of(word, OptionCatalogue.COMMANDS.stream().flatMap(command -> command.name().stream()).toList())
                : Optional.empty();
    }

    /** An option that belongs to another command than the one asked for. */
    private static Optional<String> otherCommand(String name, CommandSpec command) {
        return OptionCatalogue.COMMANDS.stream()
                .filter(other -> other != command && other.accepts(name) && !command.accepts(name))
                .findFirst()
                .map(other -> "--%s is not an option of %s%s".formatted(name, command.describe(),
                        command.name().isPresent() ? ": leave it out" : ""));
    }

    private static boolean isSpringSetting(String name) {
        return OptionCatalogue.SPRING_PREFIXES.stream().anyMatch(prefix -> name.startsWith(prefix) || name.equals(prefix));
    }

    private static boolean sameRoot(String known, String typed) {
        int dot = typed.indexOf('.');
        return dot < 0 || known.startsWith(typed.substring(0, dot + 1));
    }

    private static String unknown(String name, List<String> known) {
        return "unknown option --" + name + NearestName.of(name, known).map(nearest -> "; did you mean --" + nearest + "?")
                .orElse(" (--help lists the options)");
    }
}
