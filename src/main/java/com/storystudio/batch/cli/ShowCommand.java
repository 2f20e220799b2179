package com.storystudio.batch.cli;

import java.io.PrintStream;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.operations.RunDetails;
import com.storystudio.batch.operations.RunListing;
import com.storystudio.batch.operations.RunSelector;
import com.storystudio.batch.operations.RunSheet;
import com.storystudio.batch.operations.SelectedRun;
import com.storystudio.batch.runpod.RunPodConnection;

/** {@code show INPUT|EXECUTION}: one run in full. Reads only the database: no API key needed. */
@Component
@Order(31)
public class ShowCommand implements Command {

    private final RunSelector selector;
    private final RunListing listing;
    private final RunDetails details;
    private final RunPodConnection connection;
    private final PrintStream out = System.out;

    public ShowCommand(RunSelector selector, RunListing listing, RunDetails details, RunPodConnection connection) {
        this.selector = selector;
        this.listing = listing;
        this.details = details;
        this.connection = connection;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.SHOW;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) {
        SelectedRun run = OnCallRun.select(selector, connection, arguments);
        out.print(RunSheet.of(listing.row(run), run.executions(), details.scenes(run.instanceId())));
        return ExitCode.SUCCESS;
    }
}
