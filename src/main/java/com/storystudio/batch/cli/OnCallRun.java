package com.storystudio.batch.cli;


import com.storystudio.batch.operations.RunNotFoundException;
import com.storystudio.batch.operations.RunSelector;
import com.storystudio.batch.operations.SelectedRun;
import com.storystudio.batch.runpod.RunPodConnection;

/** The run an on-call command's operand names; one that is not in the job database is a usage error, said in one line. */
final class OnCallRun {

    private OnCallRun() {
    }

    static SelectedRun select(RunSelector selector, RunPodConnection connection, CommandArguments arguments) {
        try {
            return selector.select(arguments.operand(), connection.configuredEndpoint());
        }
        catch (RunNotFoundException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
