package com.storystudio.batch.cli;

import java.util.List;
import java.util.Optional;

/**
 * What one command accepts, known before anything starts: how it is asked for, its options and its
 * part of {@code --help}. The {@link Command} bean that runs it names it.
 *
 * @param name     the flag that asks for it ({@code restore-worker}); empty for the run, which is what the
 *                 command line does unless another command is asked for
 * @param synopsis how it is called, after {@code java -jar storystudio.jar}
 * @param options  its own options, the flag that names it included
 * @param required options it cannot do without
 */
public record CommandSpec(Optional<String> name, String synopsis, List<OptionSpec> options, List<String> required) {

    boolean accepts(String option) {
        return options.stream().anyMatch(spec -> spec.name().equals(option));
    }

    String describe() {
        return name.map(n -> "--" + n).orElse("a run");
    }
}
