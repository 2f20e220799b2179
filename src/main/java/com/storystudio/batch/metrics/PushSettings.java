package com.storystudio.batch.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * What Spring Boot's Pushgateway support is given besides the user's settings. A run pushes under
 * {@code job=storystudio} and {@code input=<the input's file name>}, so each input keeps its own group on the
 * Pushgateway and a later run of another input does not replace it (a {@code grouping-key.input} of the user's
 * own wins); an {@code --inbox} night under {@code inbox=<the folder's name>}, its meters tagged by input where
 * they are an input's. Any other command (an estimate, a report, the on-call commands) pushes nothing even where the
 * environment file enables pushing: its push would replace the run's group with meters of its own.
 */
public class PushSettings implements EnvironmentPostProcessor, Ordered {

    static final String PREFIX = "management.prometheus.metrics.export.pushgateway.";
    /** The options that make a launch something other than a run; a command word (`report`) is another. */
    private static final List<String> OTHER_COMMANDS = List.of("estimate", "restore-worker", "help");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(PREFIX + "enabled", Boolean.class, false)) {
            return;
        }
        PropertySource<?> commandLine = environment.getPropertySources().get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        Object input = commandLine == null ? null : commandLine.getProperty("input");
        Object inbox = commandLine == null ? null : commandLine.getProperty("inbox");
        boolean run = (input != null || inbox != null) && commandLine.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME) == null
                && OTHER_COMMANDS.stream().noneMatch(commandLine::containsProperty);
        if (!run) {
            environment.getPropertySources().addFirst(new MapPropertySource("storystudio-push", Map.of(PREFIX + "enabled", false)));
            return;
        }
        String key = input != null ? "input" : "inbox";
        Path name = Path.of((input != null ? input : inbox).toString()).toAbsolutePath().normalize().getFileName();
        if (name != null) {
            environment.getPropertySources().addLast(new MapPropertySource("storystudio-push",
                    Map.of(PREFIX + "grouping-key." + key, name.toString())));
        }
    }

    @Override
    public int getOrder() {
        // After the configuration files are read: an application.properties that enables pushing counts.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
