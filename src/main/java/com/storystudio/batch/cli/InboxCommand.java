package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.inbox.InboxException;
import com.storystudio.batch.inbox.InboxFolder;
import com.storystudio.batch.inbox.NightLine;
import com.storystudio.batch.inbox.NightSummary;
import com.storystudio.batch.run.LaunchSeries;
import com.storystudio.batch.runpod.RunPodConnection;

/**
 * {@code java -jar storystudio.jar --inbox=DIR}: every CSV of the folder, in name order, each run as
 * {@code --input} would run it (so a new file starts, a failed or stopped one continues, a done one is
 * skipped), one after another. An invalid file is reported and the others still run; a stop ends the night
 * after the file it interrupted. Ends with a line per file and the worst file's exit code.
 */
@Component
@Order(1)
public class InboxCommand implements Command {

    private static final Logger log = LoggerFactory.getLogger(InboxCommand.class);

    private final RunCommand run;
    private final LaunchSeries series;
    private final RunPodConnection connection;
    private final PrintStream out = System.out;
    private final EarlyAnswer checks = new EarlyAnswer(System.out, System.err);

    public InboxCommand(RunCommand run, LaunchSeries series, RunPodConnection connection) {
        this.run = run;
        this.series = series;
        this.connection = connection;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.INBOX;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) throws Exception {
        InboxFolder inbox;
        try {
            inbox = InboxFolder.read(Path.of(arguments.value("inbox").orElseThrow()));
        }
        catch (InboxException e) {
            throw new UsageException(e.getMessage());
        }
        UsageException.unlessConnected(connection, "; or rehearse with --simulate");
        List<ExitCode> codes = new ArrayList<>();
        List<NightLine> lines = series.listening(() -> runEach(inbox, arguments, codes));
        if (series.stopRequested()) {
            codes.add(ExitCode.STOPPED); // also when the stop came between two files
        }
        ExitCode night = WorstExitCode.of(codes);
        new NightSummary(inbox.folder(), lines).print(out, night.describe());
        return night;
    }

    /** @param codes gets each file's exit code, in the order they ran */
    private List<NightLine> runEach(InboxFolder inbox, CommandArguments arguments, List<ExitCode> codes) {
        List<NightLine> lines = new ArrayList<>();
        List<Path> files = inbox.files();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = file.getFileName().toString();
            if (series.stopRequested()) {
                lines.add(new NightLine(name, "stopped", "", -1));
                continue;
            }
            out.printf("%nStoryStudio inbox: %s (%d of %d)%n", name, i + 1, files.size());
            RunCommand.Launched launched = runOne(file, arguments);
            codes.add(launched.code());
            lines.add(new NightLine(name, launched.outcome(), launched.scenes(), launched.code().code()));
        }
        return lines;
    }

    /** One file, whatever becomes of it: nothing it does keeps the next file from running. */
    private RunCommand.Launched runOne(Path file, CommandArguments arguments) {
        Optional<ExitCode> rejected = checks.checkInput(file);
        if (rejected.isPresent()) {
            return new RunCommand.Launched(rejected.get(), "input rejected", "");
        }
        try {
            return run.launch(file, arguments);
        }
        catch (UsageException e) {
            return new RunCommand.Launched(checks.usageError(List.of(e.getMessage())), "refused", "");
        }
        catch (Exception e) {
            log.error("Unexpected error running {} of the inbox: {}", file, e.getMessage(), e);
            return new RunCommand.Launched(ExitCode.INTERNAL_ERROR, "unexpected error (see the log)", "");
        }
    }
}
