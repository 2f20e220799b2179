package com.storystudio.batch.resilience;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.JobDatabase;
import com.storystudio.batch.testing.PostgresPerClass;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.StoryStudioJar;
import com.storystudio.batch.testing.TestSimulators;

/** What every process-level test starts from: a fresh emulator, its traffic observed, and the jar aimed at it. */
abstract class JarAgainstEmulator {

    @TempDir
    Path work;

    RunPodSimulator remote;
    ObservedTraffic traffic;
    StoryStudioJar jar;

    @BeforeEach
    void startEmulatorAndJar() {
        // RunPod keeps a result 30 minutes. At the emulator's 1000x that is 1.8 s of real time, and
        // TestSimulators' 6 h is 22 s: less than a few killed launches (JVM start, H2 lock wait) take, so
        // jobs left by a killed launch would expire before the relaunch polls them and be paid again. A
        // user relaunches well within 30 minutes; 30 days (43 min real) keeps the tests on that side.
        remote = RunPodSimulator.start(TestSimulators.fast().withResultRetention(Duration.ofDays(30)));
        traffic = ObservedTraffic.of(remote);
        jar = StoryStudioJar.against(remote, work);
    }

    /** Aims the launches of the test at {@code database} instead of the H2 file in {@code work}. */
    void useDatabase(JobDatabase database) {
        jar.close();
        jar = StoryStudioJar.against(remote, work, database);
    }

    /** {@code h2}: the H2 file in {@code work}, as set up; {@code postgresql}: a new database of {@code postgres}. */
    void useDatabase(String vendor, PostgresPerClass postgres) {
        switch (vendor) {
            case "h2" -> { }
            case "postgresql" -> useDatabase(postgres.server().newJobDatabase());
            default -> throw new IllegalArgumentException("no job database " + vendor);
        }
    }

    @AfterEach
    void stopJarAndEmulator() {
        jar.close();
        remote.close();
    }
}
