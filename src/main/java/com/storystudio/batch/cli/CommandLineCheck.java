package com.storystudio.batch.cli;

import java.util.List;

/**
 * The check {@code java -jar} makes of its arguments before anything starts, for whoever writes them down
 * elsewhere: the schedules in {@code jobs/} are held to it by a test, so a definition the application would
 * refuse never ships.
 */
public final class CommandLineCheck {

    private CommandLineCheck() {
    }

    /** What is wrong with {@code args}, as {@code java -jar storystudio.jar args...} would say it; empty when nothing. */
    public static List<String> problems(String... args) {
        return ArgumentCheck.withSpringMetadata().problems(ParsedArguments.of(args));
    }
}
