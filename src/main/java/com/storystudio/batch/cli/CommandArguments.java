package com.storystudio.batch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.ApplicationArguments;

/**
 * The command line as a command reads it, once it has been checked ({@link ArgumentCheck}). Options the
 * commands read are {@code --name} or {@code --name=value}; settings ({@code --runpod.poll-interval=200ms})
 * are bound by Spring Boot.
 */
public record CommandArguments(ApplicationArguments arguments) {

    public boolean has(String option) {
        return arguments.containsOption(option);
    }

    /** The option's one value; empty when it is not given, or given other than as exactly one {@code --name=VALUE}. */
    public Optional<String> value(String option) {
        List<String> values = arguments.getOptionValues(option);
        return values == null || values.size() != 1 || values.get(0).isBlank() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The word after the command's own ({@code 12} of {@code show 12}); the check before the start made sure it is there. */
    String operand() {
        List<String> words = arguments.getNonOptionArgs();
        if (words.size() < 2) {
            throw new UsageException("the command needs its operand (see its --help)");
        }
        return words.get(1);
    }

    /** {@code --input}, a file that can be read: a file gone since the early check is a usage error, said once. */
    Path readableInput() {
        Path input = Path.of(value("input").orElseThrow());
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            throw new UsageException(EarlyAnswer.cannotRead(input));
        }
        return input;
    }
}
