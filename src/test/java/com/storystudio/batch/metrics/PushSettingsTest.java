package com.storystudio.batch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Which launches push, and under which group, from the command line as Spring Boot reads it. */
class PushSettingsTest {

    private static final String ENABLED = PushSettings.PREFIX + "enabled";

    @Test
    void aRunPushesUnderItsInputsFileName() {
        StandardEnvironment environment = settled("--input=projects/nightly.csv", "--" + ENABLED + "=true");

        assertThat(environment.getProperty(ENABLED, Boolean.class)).isTrue();
        assertThat(environment.getProperty(PushSettings.PREFIX + "grouping-key.input")).isEqualTo("nightly.csv");
    }

    @Test
    void anInboxNightPushesUnderItsFoldersName() {
        StandardEnvironment environment = settled("--inbox=/srv/storystudio/inbox/", "--" + ENABLED + "=true");

        assertThat(environment.getProperty(ENABLED, Boolean.class)).isTrue();
        assertThat(environment.getProperty(PushSettings.PREFIX + "grouping-key.inbox")).isEqualTo("inbox");
        assertThat(environment.getProperty(PushSettings.PREFIX + "grouping-key.input")).isNull();
    }

    @Test
    void anOnCallCommandPushesNothingEvenWhereEnabled() {
        StandardEnvironment environment = settled("show", "--input=projects/nightly.csv", "--" + ENABLED + "=true");

        assertThat(environment.getProperty(ENABLED, Boolean.class)).isFalse();
    }

    private static StandardEnvironment settled(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        new PushSettings().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
