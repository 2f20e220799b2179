package com.storystudio.batch.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.storystudio.batch.StoryStudioApplication;
import com.storystudio.batch.estimate.Estimate;
import com.storystudio.batch.estimate.Estimator;
import com.storystudio.batch.simulator.RunPodSimulator;

/**
 * The estimate a user would get before running a scenario on an endpoint with history. A history pass runs
 * {@link #HISTORY_SCENES} other scenes first (other audio draws from the same distribution, other media) on an
 * emulator with the scenario's settings, with the application's default window and a job database of its own;
 * then the application's {@link Estimator} estimates the scenario's storyboard from that database, against the
 * same emulated endpoint. The measured run that follows starts from a fresh emulator and database, so its
 * figures stay those of one run, as in every other scenario.
 */
final class EstimateCheck {

    /** The history the target speaks of: "within 15 % once the endpoint has history of 64 scenes". */
    static final int HISTORY_SCENES = 64;
    /** Keeps the history's audio and service-time draws apart from the scenario's. */
    private static final long HISTORY_SEED_OFFSET = 1_000_003;

    Estimate before(Scenario scenario, Path csv, Path work) throws IOException {
        Scenario history = scenario.withSeed(scenario.emulator().randomSeed() + HISTORY_SEED_OFFSET).withScenes(HISTORY_SCENES);
        Path historyWork = work.resolve("history");
        Path historyCsv = ScenarioRunner.storyboard(historyWork.resolve("project"), history, "h");
        LaunchArguments launch = new LaunchArguments(scenario.emulator().timeScale());
        try (RunPodSimulator emulator = RunPodSimulator.start(history.emulator())) {
            String[] arguments = launch.forRun(historyCsv, historyWork, emulator, null).toArray(String[]::new);
            int exitCode = SpringApplication.exit(StoryStudioApplication.application(arguments).run(arguments));
            if (exitCode != 0) {
                throw new IllegalStateException("scenario %s: the history pass exited %d; see %s".formatted(scenario.name(), exitCode,
                        LaunchArguments.log(historyWork)));
            }
            return estimate(launch.forRun(csv, historyWork, emulator, scenario.maxInFlight()), csv);
        }
    }

    /** The application as {@code --estimate} starts it, without its command line: the estimate itself, not its printout. */
    private static Estimate estimate(List<String> runArguments, Path csv) throws IOException {
        List<String> arguments = new ArrayList<>(runArguments);
        arguments.add("--storystudio.command.enabled=false");
        String[] array = arguments.toArray(String[]::new);
        ConfigurableApplicationContext context = StoryStudioApplication.application(array).run(array);
        try {
            return context.getBean(Estimator.class).estimate(csv);
        }
        finally {
            SpringApplication.exit(context);
        }
    }
}
