package com.storystudio.batch.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;

/**
 * The command line as written. Options the commands read are {@code --name} or {@code --name=value};
 * everything else is a Spring property ({@code --runpod.poll-interval=200ms}), bound by Spring Boot.
 */
public record CommandArguments(ApplicationArguments arguments) {

    public boolean has(String option) {
        return arguments.containsOption(option);
    }

    public boolean help() {
        return has("help");
    }

    public Set<String> optionNames() {
        return arguments.getOptionNames();
    }

    public List<String> nonOptionArgs() {
        return arguments.getNonOptionArgs();
    }

    /** The option's one value; empty when it is not given, or given other than as exactly one {@code --name=VALUE}. */
    public Optional<String> value(String option) {
        List<String> values = arguments.getOptionValues(option);
        return values == null || values.size() != 1 || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The problem with a value option given without exactly one value, if it is. */
    public Optional<String> valueProblem(String option) {
        return has(option) && value(option).isEmpty()
                ? Optional.of("--%s needs exactly one value, as --%s=VALUE".formatted(option, option)) : Optional.empty();
    }
}
