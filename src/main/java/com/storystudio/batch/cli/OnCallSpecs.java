package com.storystudio.batch.cli;

import static com.storystudio.batch.cli.OptionSpec.value;

import java.util.List;
import java.util.Optional;

import com.storystudio.batch.cli.CommandSpec.Exit;
import com.storystudio.batch.cli.CommandSpec.Operand;

/**
 * The commands for the person on call, each named by its word and with its own {@code --help}. All read the job
 * database; only {@code cancel-jobs} and {@code health} talk to RunPod and need the key.
 */
final class OnCallSpecs {

    private static final Operand RUN = new Operand("INPUT|EXECUTION", """
            the input CSV's path (its newest run with its present
            content), or a job execution id as list shows it (digits
            only: write ./12 for a file named 12)""");
    private static final Operand INPUT = new Operand("INPUT", """
            the input CSV's path (its newest run with its present
            content)""");

    private static final Exit USAGE = new Exit(ExitCode.INVALID_INPUT, "invalid usage, or no such run in the job database");
    private static final Exit INTERNAL = new Exit(ExitCode.INTERNAL_ERROR, "unexpected error (see the log)");
    private static final Exit LIVE = new Exit(ExitCode.ALREADY_RUNNING, "a live process is running this input; nothing was done");
    private static final Exit UNREACHABLE = new Exit(ExitCode.RUN_FAILED, "RunPod did not answer; run the same command again");

    private OnCallSpecs() {
    }

    static CommandSpec list(OptionSpec simulate) {
        return CommandSpec.word("list", "list [--limit=N] [--simulate]", Optional.empty(), List.of(
                        value("limit", ValueKind.COUNT, "N", "the N newest runs (default 20)"), simulate), """
                        The newest runs in the job database, newest first: input, job instance, executions,
                        Spring Batch's status, scenes done/failed/left, started, took, GPU cost.""",
                List.of(new Exit(ExitCode.SUCCESS, "listed (also when there is nothing to list)"), INTERNAL, USAGE));
    }

    static CommandSpec show(OptionSpec simulate) {
        return CommandSpec.word("show", "show INPUT|EXECUTION [--simulate]", Optional.of(RUN), List.of(simulate), """
                        One run in full: its executions, then every scene it knows of with its status,
                        attempts, RunPod job ids and errors.""",
                List.of(new Exit(ExitCode.SUCCESS, "shown"), INTERNAL, USAGE));
    }

    static CommandSpec abandon(OptionSpec simulate) {
        return CommandSpec.word("abandon", "abandon INPUT|EXECUTION [--simulate]", Optional.of(RUN), List.of(simulate), """
                        Marks a run nobody will continue ABANDONED (Spring Batch's own), recovering it
                        first if its process was killed: the next launch of the input starts a new run,
                        which reuses the videos already made and pays for the rest. Jobs still live on
                        RunPod are not touched: cancel-jobs INPUT cancels them.""",
                List.of(new Exit(ExitCode.SUCCESS, "abandoned (or it was already)"), INTERNAL,
                        new Exit(ExitCode.INVALID_INPUT, "invalid usage, no such run, or the run completed: nothing to abandon"), LIVE));
    }

    static CommandSpec cancelJobs(OptionSpec simulate) {
        return CommandSpec.word("cancel-jobs", "cancel-jobs INPUT [--runpod.* options]", Optional.of(INPUT), List.of(simulate), """
                        Cancels on RunPod the jobs of the input's newest run that are still live (submitted,
                        not seen to end), and records them cancelled: the next run submits those scenes
                        again. Jobs that ended meanwhile are left for the next run to collect.""",
                List.of(new Exit(ExitCode.SUCCESS, "every live job cancelled (also when there was none)"), INTERNAL,
                        new Exit(ExitCode.INVALID_INPUT, "invalid usage, no such run, or RunPod refused the key or endpoint"),
                        UNREACHABLE, LIVE));
    }

    static CommandSpec health(OptionSpec simulate) {
        return CommandSpec.word("health", "health [--runpod.* options]", Optional.empty(), List.of(simulate), """
                        The endpoint's queue and workers as RunPod's /health tells them, and its scaling
                        (workersMin, workersMax, idle timeout) where the worker control can read it.""",
                List.of(new Exit(ExitCode.SUCCESS, "RunPod answered"), INTERNAL,
                        new Exit(ExitCode.INVALID_INPUT, "the key or endpoint id is missing, or RunPod refused them"), UNREACHABLE));
    }
}
