package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar storystudio.jar ...}: checks the arguments, runs the {@link Command} they ask for
 * and sets the process's exit code. Boot's own job runner is off: it would not turn {@code --input=...}
 * into job parameters.
 */
@Component
@ConditionalOnBooleanProperty(name = "storystudio.command.enabled", matchIfMissing = true)
public class StoryStudioCommandLine implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(StoryStudioCommandLine.class);
    /** Spring properties: bound by Spring Boot; the prefix is checked here, so that a stray word is an error. */
    private static final List<String> PROPERTY_PREFIXES = List.of("runpod.", "simulator.", "storystudio.", "spring.", "logging.");

    /** In the order {@code --help} shows them. */
    private final List<Command> commands;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private ExitCode exitCode = ExitCode.SUCCESS;

    public StoryStudioCommandLine(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    @Override
    public void run(ApplicationArguments applicationArguments) {
        try {
            exitCode = execute(new CommandArguments(applicationArguments));
        }
        catch (UsageException e) {
            err.println("storystudio: " + e.getMessage());
            err.println("Run with --help for the options.");
            exitCode = ExitCode.INVALID_INPUT;
        }
        catch (Exception e) {
            log.error("Unexpected error: {}", e.getMessage(), e);
            exitCode = ExitCode.INTERNAL_ERROR;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }

    private ExitCode execute(CommandArguments arguments) throws Exception {
        Command command = askedFor(arguments);
        List<String> problems = new ArrayList<>(unknownOptions(arguments));
        if (!arguments.nonOptionArgs().isEmpty()) {
            problems.add("unexpected argument(s) " + String.join(" ", arguments.nonOptionArgs())
                    + " (options are written --name=value)");
        }
        problems.addAll(command.problems(arguments));
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
        if (arguments.help()) {
            out.print(Usage.text(commands));
            return ExitCode.SUCCESS;
        }
        return command.execute(arguments);
    }

    /** The command the arguments name, or else the one without a name: the run. */
    private Command askedFor(CommandArguments arguments) {
        return commands.stream().filter(command -> command.name().filter(arguments::has).isPresent()).findFirst()
                .or(() -> commands.stream().filter(command -> command.name().isEmpty()).findFirst())
                .orElseThrow(() -> new IllegalStateException("no command runs an input"));
    }

    private List<String> unknownOptions(CommandArguments arguments) {
        Set<String> known = Stream.concat(Stream.of("help"), commands.stream().flatMap(command -> command.options().stream()))
                .collect(Collectors.toSet());
        return arguments.optionNames().stream().sorted()
                .filter(name -> !known.contains(name) && PROPERTY_PREFIXES.stream().noneMatch(name::startsWith))
                .map(name -> "unknown option --" + name)
                .toList();
    }
}
