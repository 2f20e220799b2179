package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.RunOutcome;
import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.run.RunEnd;
import com.storystudio.batch.run.RunHistory;
import com.storystudio.batch.run.RunLauncher;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.summary.RunSummaries;
import com.storystudio.batch.summary.RunSummary;

/**
 * {@code java -jar storystudio.jar --input=scenes.csv}: runs the input, or continues the earlier
 * failed run of it, prints the summary and says how the process ends.
 */
@Component
@Order(0)
public class RunCommand implements Command {

    private final RunLauncher launcher;
    private final RunHistory history;
    private final RunSummaries summaries;
    private final RunPodConnection connection;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public RunCommand(RunLauncher launcher, RunHistory history, RunSummaries summaries, RunPodConnection connection) {
        this.launcher = launcher;
        this.history = history;
        this.summaries = summaries;
        this.connection = connection;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.RUN;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) throws Exception {
        return launch(arguments.readableInput(), arguments).code();
    }

    /** Runs one input, as {@code --input} names it or as the inbox finds it, and prints its summary. */
    Launched launch(Path input, CommandArguments arguments) throws Exception {
        UsageException.unlessConnected(connection, "; or rehearse with --simulate");
        RunParameters run = RunParameters.of(input, connection.endpointId(), Path.of(arguments.value("output-dir").orElse("output")))
                .withCancelOnStop(arguments.has("cancel-on-stop"))
                .withDownload(arguments.has("download"));
        if (arguments.has("regenerate")) {
            run = history.regeneration(run);
        }
        long started = System.nanoTime();
        RunEnd end = launcher.launch(run);
        if (end instanceof RunEnd.NotStarted notStarted) {
            err.println("storystudio: " + notStarted.message());
            ExitCode code = switch (notStarted.reason()) {
                case RUNNING_ELSEWHERE -> ExitCode.ALREADY_RUNNING;
                case NOT_RESTARTABLE -> ExitCode.RUN_FAILED;
                case STOPPED -> ExitCode.STOPPED;
                case MISCONFIGURED -> ExitCode.INVALID_INPUT;
                case UNREACHABLE -> ExitCode.RUN_FAILED;
            };
            return new Launched(code, "not started: " + words(notStarted.reason().name()), "");
        }
        if (end instanceof RunEnd.AlreadyDone done) {
            if (done.regenerationUnfinished()) {
                err.println("storystudio: a --regenerate run of this input has not finished; add --regenerate to continue it");
            }
            RunSummary summary = summaries.alreadyDone(run, done.instance(), done.lastExecution());
            return print(summary, "already done", summary.workerRestored() ? ExitCode.SUCCESS : ExitCode.WORKER_NOT_RESTORED);
        }
        RunEnd.Ran ran = (RunEnd.Ran) end;
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        RunOutcome outcome = RunOutcome.of(ran.execution());
        return print(summaries.of(run, ran.execution(), took), words(outcome.name()), ExitCode.of(outcome));
    }

    private Launched print(RunSummary summary, String outcome, ExitCode code) {
        summary.print(out, err, code.describe());
        return new Launched(code, outcome, "%d total, %d with video, %d failed".formatted(summary.scenes(), summary.withVideo(),
                summary.failedScenes().size()));
    }

    /** {@code SCENES_FAILED} as {@code scenes failed}. */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * How one input's launch ended.
     *
     * @param outcome what became of it, in words ({@code completed}, {@code already done}, {@code not started: ...})
     * @param scenes  its scenes' counts; empty when it did not start
     */
    record Launched(ExitCode code, String outcome, String scenes) {
    }
}
