package com.storystudio.batch;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StoryStudioApplication {

    /** Activated by {@code --simulate}: the built-in emulator, scaled time and a database of its own. */
    public static final String SIMULATE_PROFILE = "simulate";

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(application(args).run(args)));
    }

    public static SpringApplication application(String... args) {
        SpringApplication application = new SpringApplication(StoryStudioApplication.class);
        if (Arrays.asList(args).contains("--simulate")) {
            application.setAdditionalProfiles(SIMULATE_PROFILE);
        }
        return application;
    }
}
