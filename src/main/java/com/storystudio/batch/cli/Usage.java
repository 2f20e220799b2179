package com.storystudio.batch.cli;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The text of {@code --help}, from the {@link OptionCatalogue}: every option there is, and the exit codes. */
final class Usage {

    private static final String PROGRAM = "java -jar storystudio.jar ";

    private Usage() {
    }

    static String text() {
        String synopses = OptionCatalogue.COMMANDS.stream().map(command -> PROGRAM + command.synopsis())
                .collect(Collectors.joining("\n       ", "Usage: ", "\n"));
        String exitCodes = Arrays.stream(ExitCode.values())
                .map(code -> "  %d  %s".formatted(code.code(), code.meaning()))
                .collect(Collectors.joining("\n"));
        return synopses + """

                Turns a storyboard CSV (columns scene_id, image, audio, prompt, resolution, sample_steps)
                into talking-head videos on a RunPod Wan2.2 S2V endpoint. Re-running the same command
                after a failed run continues it; after a completed run it reports that the input is done.

                Options:
                """ + lines(OptionCatalogue.COMMANDS.stream().flatMap(command -> command.options().stream()).distinct().toList())
                + OptionCatalogue.HELP.usage() + """

                RunPod:
                """ + lines(OptionCatalogue.RUNPOD) + """

                The run:
                """ + lines(OptionCatalogue.STORYSTUDIO) + OptionCatalogue.DATASOURCE.usage() + """

                Logs and metrics (Spring Boot's settings; README, "Metrics and logs"):
                """ + lines(OptionCatalogue.OBSERVABILITY) + """

                The built-in emulator (with --simulate; durations are simulated time):
                """ + lines(OptionCatalogue.SIMULATOR) + """

                Durations are written like 200ms, 10s, 5m. A setting can also come from the environment
                (RUNPOD_API_KEY, RUNPOD_ENDPOINT_ID, RUNPOD_BASE_URL) or from Spring Boot's usual places.
                The on-call commands (%s) each have their own help: java -jar storystudio.jar list --help
                """.formatted(String.join(", ", OptionCatalogue.COMMANDS.stream().filter(CommandSpec::hasOwnHelp)
                        .flatMap(command -> command.name().stream()).toList())) + """

                Exit codes:
                """ + exitCodes + "\n";
    }

    /** The help of one command that has its own: what it does, its operand, its options, its exit codes. */
    static String of(CommandSpec command) {
        String operand = command.operand().map(it -> "\nOperand:\n" + OptionSpec.helpLines("  " + it.name(), it.meaning())).orElse("");
        String exitCodes = command.exits().stream().sorted(Comparator.comparingInt(exit -> exit.code().code()))
                .map(exit -> "  %d  %s".formatted(exit.code().code(), exit.meaning()))
                .collect(Collectors.joining("\n"));
        return "Usage: " + PROGRAM + command.synopsis() + "\n\n" + command.about() + "\n" + operand + """

                Options:
                """ + lines(command.options()) + OptionCatalogue.HELP.usage() + OptionCatalogue.DATASOURCE.usage()
                + "  (and the RunPod settings of java -jar storystudio.jar --help)\n" + """

                Exit codes:
                """ + exitCodes + "\n";
    }

    private static String lines(List<OptionSpec> options) {
        return options.stream().map(OptionSpec::usage).collect(Collectors.joining());
    }
}
