package com.storystudio.batch.cli;

import java.io.PrintStream;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.operations.Abandoned;
import com.storystudio.batch.operations.RunAbandonment;
import com.storystudio.batch.operations.RunCompletedException;
import com.storystudio.batch.operations.RunSelector;
import com.storystudio.batch.operations.SelectedRun;
import com.storystudio.batch.ownership.RunInProgressException;
import com.storystudio.batch.runpod.RunPodConnection;

/** {@code abandon INPUT|EXECUTION}: a run nobody will continue, marked so; the next launch starts over. No API key needed. */
@Component
@Order(32)
public class AbandonCommand implements Command {

    private final RunSelector selector;
    private final RunAbandonment abandonment;
    private final RunPodConnection connection;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public AbandonCommand(RunSelector selector, RunAbandonment abandonment, RunPodConnection connection) {
        this.selector = selector;
        this.abandonment = abandonment;
        this.connection = connection;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.ABANDON;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) {
        SelectedRun run = OnCallRun.select(selector, connection, arguments);
        Abandoned abandoned;
        try {
            abandoned = abandonment.abandon(run);
        }
        catch (RunInProgressException e) {
            err.println("storystudio: " + e.getMessage() + "; nothing was done. Stop that process first (SIGTERM), or wait for it.");
            return ExitCode.ALREADY_RUNNING;
        }
        catch (RunCompletedException e) {
            err.println("storystudio: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        String input = run.parameters().input().toString();
        out.printf("StoryStudio: the run of %s (job instance %d, execution %d) %s; the next launch of the input starts it over, "
                        + "reusing the videos already made%n", input, run.instanceId(), abandoned.executionId(),
                abandoned.already() ? "was already ABANDONED" : abandoned.recovered()
                        ? "was left running by a process that is gone: recovered and ABANDONED" : "is ABANDONED");
        if (!abandoned.liveJobs().isEmpty()) {
            out.printf("StoryStudio: %d job(s) of it are still live on RunPod and bill until they end (%s); the new run submits "
                    + "those scenes again. To stop them: java -jar storystudio.jar cancel-jobs %s%n", abandoned.liveJobs().size(),
                    String.join(", ", abandoned.liveJobs().values()), input);
        }
        return ExitCode.SUCCESS;
    }
}
