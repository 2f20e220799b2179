package com.storystudio.batch.cli;

import java.io.PrintStream;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.operations.EndpointCheck;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodRejectedException;
import com.storystudio.batch.runpod.RunPodUnavailableException;

/** {@code health}: the endpoint's queue, workers and scaling. Talks to RunPod: needs the key. */
@Component
@Order(34)
public class HealthCommand implements Command {

    private final EndpointCheck check;
    private final RunPodConnection connection;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public HealthCommand(EndpointCheck check, RunPodConnection connection) {
        this.check = check;
        this.connection = connection;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.HEALTH;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) {
        UsageException.unlessConnected(connection, "");
        try {
            out.print(check.check().describe());
            return ExitCode.SUCCESS;
        }
        catch (RunPodUnavailableException e) {
            err.println("storystudio: RunPod did not answer: " + e.getMessage());
            return ExitCode.RUN_FAILED;
        }
        catch (RunPodConfigurationException e) {
            err.println("storystudio: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        catch (RunPodRejectedException e) {
            err.println("storystudio: RunPod refused /health, so the address is not an endpoint's: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
    }
}
