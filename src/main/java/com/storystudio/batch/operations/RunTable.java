package com.storystudio.batch.operations;

import java.util.List;
import java.util.stream.Collectors;

/** {@code list}'s table: one line per run, newest first. */
public final class RunTable {

    private RunTable() {
    }

    public static String of(List<RunRow> runs) {
        if (runs.isEmpty()) {
            return "No runs in the job database yet.\n";
        }
        TextTable table = new TextTable("INSTANCE>", "STATUS", "DONE>", "FAILED>", "LEFT>", "STARTED", "TOOK>", "GPU COST>", "EXECUTIONS",
                "INPUT");
        runs.forEach(run -> table.row(run.instanceId(), run.status(), run.done(), run.failed(),
                run.left().isPresent() ? String.valueOf(run.left().getAsInt()) : "?", TextTable.when(run.started()),
                TextTable.took(run.took()), "$" + run.gpuCost().setScale(2, java.math.RoundingMode.HALF_UP),
                run.executionIds().stream().map(String::valueOf).collect(Collectors.joining(",")), run.input()));
        return table.render();
    }
}
