package com.storystudio.batch.cli;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One thing the application does when launched: run an input, put the worker back, and the
 * on-call commands to come. The command line asks each for the options it accepts and its part of
 * {@code --help}, and runs the one the arguments ask for; none of them knows the others.
 */
public interface Command {

    /**
     * The option that asks for this command ({@code restore-worker} for {@code --restore-worker}); empty
     * for the run, which is what the command line does unless another command is asked for.
     */
    Optional<String> name();

    /** The options of its own, without the dashes. */
    Set<String> options();

    /** How it is called, after {@code java -jar storystudio.jar}. */
    String synopsis();

    /** Its lines of the options in {@code --help}. */
    String optionsHelp();

    /** What is wrong with the arguments for this command; empty when nothing is. */
    List<String> problems(CommandArguments arguments);

    ExitCode execute(CommandArguments arguments) throws Exception;
}
