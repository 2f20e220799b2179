package com.storystudio.batch.cli;

import java.util.Optional;

import com.storystudio.batch.operations.RunNotFoundException;
import com.storystudio.batch.operations.RunSelector;
import com.storystudio.batch.operations.SelectedRun;
import com.storystudio.batch.runpod.RunPodConnection;

/** The run an on-call command's operand names; one that is not in the job database is a usage error, said in one line. */
final class OnCallRun {

    private OnCallRun() {
    }

    static SelectedRun select(RunSelector selector, RunPodConnection connection, CommandArguments arguments) {
        // As for the report: the endpoint is part of a run's identity, and without one configured any endpoint's run counts.
        Optional<String> endpoint = Optional.ofNullable(connection.endpointId()).filter(id -> !id.isBlank());
        try {
            return selector.select(arguments.operand(), endpoint);
        }
        catch (RunNotFoundException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
