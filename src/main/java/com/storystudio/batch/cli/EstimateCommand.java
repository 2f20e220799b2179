package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.nio.file.Path;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.estimate.EstimatePrinter;
import com.storystudio.batch.estimate.Estimator;
import com.storystudio.batch.run.EndpointPreflight;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodUnavailableException;
import com.storystudio.batch.scene.SceneValidationException;

/**
 * {@code --estimate --input=scenes.csv}: what a run of the input would cost and take on the endpoint's workers,
 * printed without changing or submitting anything. It reads the endpoint as the run does ({@code /health}, the
 * scaling query), so a refused key or address is found here too.
 */
@Component
@Order(5)
public class EstimateCommand implements Command {

    private final Estimator estimator;
    private final EndpointPreflight preflight;
    private final RunPodConnection connection;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public EstimateCommand(Estimator estimator, EndpointPreflight preflight, RunPodConnection connection) {
        this.estimator = estimator;
        this.preflight = preflight;
        this.connection = connection;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.ESTIMATE;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) throws Exception {
        Path input = arguments.readableInput();
        UsageException.unlessConnected(connection, "; or estimate against the emulator with --simulate");
        try {
            preflight.check();
            EstimatePrinter.print(estimator.estimate(input), out);
            return ExitCode.SUCCESS;
        }
        catch (RunPodConfigurationException e) {
            err.println("storystudio: " + e.getMessage() + "; nothing was changed or submitted");
            return ExitCode.INVALID_INPUT;
        }
        catch (RunPodUnavailableException e) {
            err.printf("storystudio: RunPod did not answer (%s); nothing was changed or submitted. Run the same command again once "
                    + "it answers%n", e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        catch (SceneValidationException e) {
            e.problems().forEach(problem -> err.println(problem.describe()));
            err.printf("storystudio: input rejected: %s changed since it was checked; nothing was changed or submitted%n", input);
            return ExitCode.INVALID_INPUT;
        }
    }
}
