package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.RunParameters;
import com.storystudio.batch.report.InputRuns;
import com.storystudio.batch.report.ReportPublisher;
import com.storystudio.batch.runpod.RunPodConnection;

/**
 * {@code report --input=FILE}: writes the input's report again from the job database, for any input run before,
 * finished or not. Reads only the database and the input: no API key needed, nothing sent to RunPod.
 */
@Component
@Order(20)
public class ReportCommand implements Command {

    private final InputRuns runs;
    private final ReportPublisher publisher;
    private final RunPodConnection connection;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    public ReportCommand(InputRuns runs, ReportPublisher publisher, RunPodConnection connection) {
        this.runs = runs;
        this.publisher = publisher;
        this.connection = connection;
    }

    @Override
    public CommandSpec spec() {
        return OptionCatalogue.REPORT;
    }

    @Override
    public ExitCode execute(CommandArguments arguments) throws Exception {
        Path input = Path.of(arguments.value("input").orElseThrow());
        if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
            err.println("storystudio: " + EarlyAnswer.cannotRead(input) + "; nothing to report");
            return ExitCode.INVALID_INPUT;
        }
        Path real = input.toRealPath();
        Optional<String> endpoint = connection.configuredEndpoint();
        Optional<InputRuns.InputRun> found = runs.newest(real, RunParameters.sha256(real), endpoint);
        if (found.isEmpty()) {
            err.printf("storystudio: no run of %s with its present content%s is in the job database; nothing to report%n", real,
                    endpoint.map(id -> " on endpoint " + id).orElse(""));
            return ExitCode.INVALID_INPUT;
        }
        InputRuns.InputRun run = found.get();
        Path outputDir = arguments.value("output-dir").map(Path::of).orElse(run.parameters().outputDir());
        Path written = publisher.publish(run.instance(), null, outputDir, real);
        out.printf("StoryStudio: report of %s (job instance %d) written to %s%n", real, run.instance().getInstanceId(), written);
        return ExitCode.SUCCESS;
    }
}
