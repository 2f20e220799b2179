package com.storystudio.batch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.storystudio.batch.inbox.InboxException;
import com.storystudio.batch.inbox.InboxFolder;
import com.storystudio.batch.scene.CsvSceneSource;
import com.storystudio.batch.scene.SceneCheck;
import com.storystudio.batch.scene.SceneProblem;
import com.storystudio.batch.scene.SceneRules;

/**
 * What can be answered before the database, the emulator or Spring itself start: {@code --help}, a
 * command line that is wrong, and an input that is invalid. A person who made a typo hears about it
 * at once, and nothing is recorded or spent for input that was invalid from the start.
 */
public final class EarlyAnswer {

    /** More problems than this are counted, not listed: the first ones tell what is wrong with the file. */
    private static final int PROBLEMS_LISTED = 100;

    private final PrintStream out;
    private final PrintStream err;

    public EarlyAnswer(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The exit code if the arguments are answered here; empty when the application has to start. */
    public Optional<Integer> answer(String... args) {
        ParsedArguments arguments = ParsedArguments.of(args);
        Optional<ExitCode> answered = commandLine(arguments);
        CommandSpec command = ArgumentCheck.commandOf(arguments);
        if (answered.isEmpty() && List.of(OptionCatalogue.RUN, OptionCatalogue.ESTIMATE).contains(command)) {
            answered = checkInput(Path.of(arguments.value("input").orElseThrow()));
        }
        if (answered.isEmpty() && command == OptionCatalogue.INBOX) {
            // The files themselves are checked one by one as the night reaches them: one invalid file stops no other.
            answered = checkInbox(Path.of(arguments.value("inbox").orElseThrow()));
        }
        return answered.map(ExitCode::code);
    }

    /** {@code --help}, or what is wrong with the command line, said; empty when a command is to run. */
    Optional<ExitCode> commandLine(ParsedArguments arguments) {
        List<String> problems = ArgumentCheck.withSpringMetadata().problems(arguments);
        if (!problems.isEmpty()) {
            return Optional.of(usageError(problems));
        }
        if (arguments.has(OptionCatalogue.HELP.name())) {
            CommandSpec asked = ArgumentCheck.commandOf(arguments);
            out.print(asked.hasOwnHelp() ? Usage.of(asked) : Usage.text());
            return Optional.of(ExitCode.SUCCESS);
        }
        return Optional.empty();
    }

    /** Says the problems, one per line, and how to see the options. */
    ExitCode usageError(List<String> problems) {
        problems.forEach(problem -> err.println("storystudio: " + problem));
        err.println("Run with --help for the options.");
        return ExitCode.INVALID_INPUT;
    }

    private Optional<ExitCode> checkInbox(Path folder) {
        try {
            InboxFolder.read(folder);
            return Optional.empty();
        }
        catch (InboxException e) {
            return Optional.of(usageError(List.of(e.getMessage())));
        }
    }

    /** Said on standard error, with the exit code, when {@code input} cannot be run; empty when it is valid. */
    Optional<ExitCode> checkInput(Path input) {
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            return Optional.of(usageError(List.of(cannotRead(input))));
        }
        SceneCheck check;
        try {
            check = new CsvSceneSource(input, SceneRules.defaults()).check();
        }
        catch (IOException e) {
            return Optional.of(usageError(List.of("cannot read the input file %s: %s".formatted(input, e.getMessage()))));
        }
        if (check.isValid()) {
            return Optional.empty();
        }
        List<SceneProblem> found = check.problems();
        found.stream().limit(PROBLEMS_LISTED).forEach(problem -> err.println(problem.describe()));
        if (found.size() > PROBLEMS_LISTED) {
            err.printf("... and %d more problem(s)%n", found.size() - PROBLEMS_LISTED);
        }
        err.printf("storystudio: input rejected: %d problem(s) in %s; nothing was submitted or changed. Fix them and run the "
                + "same command again.%n", found.size(), input);
        return Optional.of(ExitCode.INVALID_INPUT);
    }

    /** Also used once the application runs, for a file that went away in between. */
    static String cannotRead(Path input) {
        return Files.isDirectory(input) ? "the input %s is a folder, not a CSV file".formatted(input)
                : "cannot read the input file " + input;
    }
}
