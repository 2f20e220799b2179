package com.storystudio.batch.cli;

import java.util.Collection;
import java.util.List;

/**
 * The one exit code of a night that ran several inputs ({@code --inbox}): the worst of theirs, "worst"
 * being what most needs someone's attention, money first. A worker that may still be billing (5) outranks
 * a stop (6), which outranks a bug (1), a run that did not finish (4), failed scenes (3), an input another
 * process was running (7) and an invalid input (2); 0 only when every input ended 0.
 */
final class WorstExitCode {

    /** Worst first; every {@link ExitCode} is ranked (a test keeps it so). */
    static final List<ExitCode> RANKING = List.of(ExitCode.WORKER_NOT_RESTORED, ExitCode.STOPPED, ExitCode.INTERNAL_ERROR,
            ExitCode.RUN_FAILED, ExitCode.FAILED_SCENES, ExitCode.ALREADY_RUNNING, ExitCode.INVALID_INPUT, ExitCode.SUCCESS);

    private WorstExitCode() {
    }

    /** The worst of {@code codes}; 0 for none. */
    static ExitCode of(Collection<ExitCode> codes) {
        return RANKING.stream().filter(codes::contains).findFirst().orElse(ExitCode.SUCCESS);
    }
}
