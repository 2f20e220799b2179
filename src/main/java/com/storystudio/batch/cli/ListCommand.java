package com.storystudio.batch.cli;

import java.io.PrintStream;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.operations.RunListing;
import com.storystudio.batch.operations.RunTable;

/** {@code list}: the newest runs in the job database. Reads only the database: no API key needed. */
@Component
@Order(30)
public class ListCommand implements Command {

    private static final int DEFAULT_LIMIT = 20;

    private final RunListing listing;
    private final PrintStream out = System.out;

    public ListCommand(RunListing listing) {
        this.listing = listing;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.LIST;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) {
        int limit = arguments.value("limit").map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        out.print(RunTable.of(listing.newest(limit)));
        return ExitCode.SUCCESS;
    }
}
