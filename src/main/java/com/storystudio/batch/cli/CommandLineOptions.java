package com.storystudio.batch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;

/**
 * The options the command itself reads. Everything else on the command line is a Spring property
 * ({@code --runpod.poll-interval=200ms}, {@code --spring.datasource.url=...}); those are bound by
 * Spring Boot, but their names are checked here so that a typo is an error, not a silent default.
 */
public record CommandLineOptions(Path input, Path outputDir, boolean simulate, boolean help, boolean restoreWorker,
                                 boolean regenerate, boolean cancelOnStop) {

    private static final Set<String> OPTIONS = Set.of("input", "output-dir", "simulate", "help", "max-in-flight", "restore-worker",
            "regenerate", "cancel-on-stop", "submission-order");
    private static final List<String> PROPERTY_PREFIXES = List.of("runpod.", "simulator.", "storystudio.", "spring.", "logging.");

    public static CommandLineOptions parse(ApplicationArguments arguments) {
        List<String> problems = new ArrayList<>();
        for (String name : arguments.getOptionNames()) {
            if (!OPTIONS.contains(name) && PROPERTY_PREFIXES.stream().noneMatch(name::startsWith)) {
                problems.add("unknown option --" + name);
            }
        }
        if (!arguments.getNonOptionArgs().isEmpty()) {
            problems.add("unexpected argument(s) " + String.join(" ", arguments.getNonOptionArgs()) + " (options are written --name=value)");
        }
        boolean help = arguments.containsOption("help");
        boolean restoreWorker = arguments.containsOption("restore-worker");
        String input = single(arguments, "input", problems);
        String outputDir = single(arguments, "output-dir", problems);
        if (restoreWorker && input != null) {
            problems.add("--restore-worker works on the endpoint alone: leave out --input");
        }
        if (!help && !restoreWorker && input == null) {
            problems.add("--input=FILE is required");
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
        return new CommandLineOptions(input == null ? null : Path.of(input), Path.of(outputDir == null ? "output" : outputDir),
                arguments.containsOption("simulate"), help, restoreWorker, arguments.containsOption("regenerate"),
                arguments.containsOption("cancel-on-stop"));
    }

    private static String single(ApplicationArguments arguments, String name, List<String> problems) {
        List<String> values = arguments.getOptionValues(name);
        if (values == null) {
            return null;
        }
        if (values.size() != 1 || values.get(0).isBlank()) {
            problems.add("--%s needs exactly one value, as --%s=VALUE".formatted(name, name));
            return null;
        }
        return values.get(0);
    }
}
