package com.storystudio.batch.cli;

/**
 * One thing the application does when launched: run an input, put the worker back, and the
 * on-call commands to come. What it accepts is its {@link CommandSpec} in the {@link OptionCatalogue},
 * known before anything starts; the command line runs the one the arguments ask for, and none of
 * them knows the others.
 */
public interface Command {

    CommandSpec spec();

    ExitCode execute(CommandArguments arguments) throws Exception;
}
