package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.StopProperties;
import com.storystudio.batch.ownership.RunOwner;
import com.storystudio.batch.ownership.RunOwnership;
import com.storystudio.batch.runpod.RetryCurfew;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.worker.WorkerRestoreException;
import com.storystudio.batch.worker.WorkerScaling;

/** {@code --restore-worker}: the operator's safety switch, with no input and no job. */
@Component
@Order(10)
public class RestoreWorkerCommand implements Command {

    private final WorkerScaling scaling;
    private final RunOwnership ownership;
    private final RunPodConnection connection;
    private final RetryCurfew curfew;
    private final StopProperties stop;
    private final Clock clock;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public RestoreWorkerCommand(WorkerScaling scaling, RunOwnership ownership, RunPodConnection connection, RetryCurfew curfew,
                                StopProperties stop, Clock clock) {
        this.scaling = scaling;
        this.ownership = ownership;
        this.connection = connection;
        this.curfew = curfew;
        this.stop = stop;
        this.clock = clock;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.RESTORE_WORKER;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) {
        UsageException.unlessConnected(connection, "");
        // An operator (or a stop script) waits for this: against an unreachable RunPod it gives up within the stop timeout.
        curfew.at(stop.curfewFrom(clock.instant()));
        ownership.register();
        List<RunOwner> live = scaling.sharingRuns();
        if (!live.isEmpty()) {
            err.printf("storystudio: %d live run(s) still use endpoint %s (%s); restoring anyway, they go on without the "
                    + "active worker%n", live.size(), scaling.endpointId(), live.stream().map(RunOwner::describe).toList());
        }
        try {
            boolean restored = scaling.restoreBaseline();
            out.println(restored
                    ? "StoryStudio: endpoint %s restored to its scaling from before the run that changed it".formatted(scaling.endpointId())
                    : "StoryStudio: nothing to restore: no run left endpoint %s changed".formatted(scaling.endpointId()));
            return ExitCode.SUCCESS;
        }
        catch (WorkerRestoreException e) {
            err.println("storystudio: " + e.getMessage());
            return ExitCode.WORKER_NOT_RESTORED;
        }
    }
}
