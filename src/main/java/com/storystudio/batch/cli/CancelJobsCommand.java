package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.operations.CancelledJob;
import com.storystudio.batch.operations.LiveJobCancellation;
import com.storystudio.batch.operations.RunSelector;
import com.storystudio.batch.operations.SelectedRun;
import com.storystudio.batch.ownership.RunInProgressException;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.runpod.RunPodRejectedException;

/** {@code cancel-jobs INPUT}: the run's live RunPod jobs cancelled and recorded so. Talks to RunPod: needs the key. */
@Component
@Order(33)
public class CancelJobsCommand implements Command {

    private final RunSelector selector;
    private final LiveJobCancellation cancellation;
    private final RunPodConnection connection;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public CancelJobsCommand(RunSelector selector, LiveJobCancellation cancellation, RunPodConnection connection) {
        this.selector = selector;
        this.cancellation = cancellation;
        this.connection = connection;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.CANCEL_JOBS;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) {
        UsageException.unlessConnected(connection, "");
        SelectedRun run = OnCallRun.select(selector, connection, arguments);
        List<CancelledJob> jobs;
        try {
            jobs = cancellation.cancel(run);
        }
        catch (RunInProgressException e) {
            err.println("storystudio: " + e.getMessage() + "; nothing was cancelled. Stop that process first (SIGTERM; a run launched "
                    + "with --cancel-on-stop cancels its own jobs as it stops)");
            return ExitCode.ALREADY_RUNNING;
        }
        catch (RunPodRejectedException e) {
            err.println("storystudio: " + e.getMessage());
            return ExitCode.INVALID_INPUT;
        }
        jobs.forEach(job -> out.println(line(job)));
        long cancelled = jobs.stream().filter(job -> job.outcome() == CancelledJob.Outcome.CANCELLED).count();
        out.printf("StoryStudio: %d of %d live job(s) of %s (job instance %d) cancelled%n", cancelled, jobs.size(),
                run.parameters().input(), run.instanceId());
        if (jobs.stream().anyMatch(job -> job.outcome() == CancelledJob.Outcome.NOT_ANSWERED)) {
            err.println("storystudio: RunPod did not answer; the jobs not cancelled may still run. Run the same command again");
            return ExitCode.RUN_FAILED;
        }
        return ExitCode.SUCCESS;
    }

    private static String line(CancelledJob job) {
        return switch (job.outcome()) {
            case CANCELLED -> "  %s  %s  cancelled".formatted(job.sceneId(), job.jobId());
            case ENDED -> "  %s  %s  had ended already (%s): left for the next run to collect".formatted(job.sceneId(), job.jobId(),
                    job.remote() == null ? "RunPod no longer knows it" : job.remote());
            case NOT_ANSWERED -> "  %s  %s  not cancelled: RunPod did not answer".formatted(job.sceneId(), job.jobId());
        };
    }
}
