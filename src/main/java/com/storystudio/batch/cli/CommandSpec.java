package com.storystudio.batch.cli;

import java.util.List;
import java.util.Optional;

/**
 * What one command accepts, known before anything starts: how it is asked for, its options and its
 * part of {@code --help}. The {@link Command} bean that runs it names it.
 *
 * @param name      the word or flag that asks for it ({@code restore-worker}, {@code show}); empty for the run, which is
 *                  what the command line does unless another command is asked for
 * @param synopsis  how it is called, after {@code java -jar storystudio.jar}
 * @param options   its own options, the flag that names it included
 * @param required  options it cannot do without
 * @param operand   the one word it takes after its name ({@code show INPUT|EXECUTION}); empty for none
 * @param about     what it does, for its own {@code --help}; empty for a command that has none
 * @param exits     the exit codes it returns, each with its meaning for this command; empty for the run's list
 */
public record CommandSpec(Optional<String> name, String synopsis, List<OptionSpec> options, List<String> required,
                          Optional<Operand> operand, String about, List<Exit> exits) {

    public CommandSpec(Optional<String> name, String synopsis, List<OptionSpec> options, List<String> required) {
        this(name, synopsis, options, required, Optional.empty(), "", List.of());
    }

    /** A command of its own word, with its own {@code --help}: {@code list}, {@code show 12}. */
    static CommandSpec word(String name, String synopsis, Optional<Operand> operand, List<OptionSpec> options, String about,
                            List<Exit> exits) {
        return new CommandSpec(Optional.of(name), synopsis, options, List.of(), operand, about, exits);
    }

    boolean accepts(String option) {
        return options.stream().anyMatch(spec -> spec.name().equals(option));
    }

    /** Whether {@code name --help} answers with this command's own help rather than every command's. */
    boolean hasOwnHelp() {
        return !about.isEmpty();
    }

    String describe() {
        return name.map(n -> hasOwnHelp() ? n : "--" + n).orElse("a run");
    }

    /**
     * The word a command takes after its name.
     *
     * @param name    as {@code --help} writes it ({@code INPUT|EXECUTION})
     * @param meaning what it may be, for {@code --help}
     */
    public record Operand(String name, String meaning) {
    }

    /** An exit code and what it means when this command returns it. */
    public record Exit(ExitCode code, String meaning) {
    }
}
