package com.storystudio.batch.inbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The summary of a night that ran an inbox, printed after every file's own summary: a line per file, in the
 * order they ran, and the night's one exit code.
 */
public record NightSummary(Path folder, List<NightLine> lines) {

    /** @param exitCode the night's, as {@code "3: the run finished but ..."} */
    public void print(PrintStream out, String exitCode) {
        int width = Math.max(4, lines.stream().mapToInt(line -> line.file().length()).max().orElse(0));
        int outcomeWidth = Math.max(7, lines.stream().mapToInt(line -> line.outcome().length()).max().orElse(0));
        out.println();
        out.printf("StoryStudio: %d file(s) in the inbox %s%n", lines.size(), folder);
        lines.forEach(line -> out.printf("  %-" + width + "s  %-" + outcomeWidth + "s  %s%s%n", line.file(), line.outcome(),
                line.exitCode() < 0 ? "not run" : "exit " + line.exitCode(), line.scenes().isEmpty() ? "" : "  " + line.scenes()));
        out.printf("  %-13s%s%n", "exit code", exitCode);
    }
}
