package com.storystudio.batch.job;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storystudio.batch.testing.FunctionalTestConfiguration;

/** The job's scenarios on the embedded default: an H2 file database. */
@Import(FunctionalTestConfiguration.class)
class StoryStudioJobFunctionalTests extends JobFunctionalScenarios {

    @TempDir
    static Path databaseFolder;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + databaseFolder.resolve("jobs") + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}
