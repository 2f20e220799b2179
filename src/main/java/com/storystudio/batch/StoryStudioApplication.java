package com.storystudio.batch;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.storystudio.batch.cli.EarlyAnswer;
import com.storystudio.batch.cli.ExpectedFailureLogging;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StoryStudioApplication {

    /** Activated by {@code --simulate}: the built-in emulator, scaled time and a database of its own. */
    public static final String SIMULATE_PROFILE = "simulate";

    public static void main(String[] args) {
        System.exit(launch(args));
    }

    /**
     * The command, as {@code java -jar} runs it: what can be answered before anything starts ({@code --help},
     * a wrong command line, an invalid input) is answered at once; everything else starts the application.
     *
     * @return the process's exit code
     */
    public static int launch(String... args) {
        Optional<Integer> early = new EarlyAnswer(System.out, System.err).answer(args);
        return early.orElseGet(() -> SpringApplication.exit(application(args).run(args)));
    }

    public static SpringApplication application(String... args) {
        SpringApplication application = new SpringApplication(StoryStudioApplication.class);
        application.addListeners(new ExpectedFailureLogging());
        if (Arrays.asList(args).contains("--simulate")) {
            application.setAdditionalProfiles(SIMULATE_PROFILE);
        }
        return application;
    }
}
