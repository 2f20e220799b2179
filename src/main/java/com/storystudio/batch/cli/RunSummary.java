package com.storystudio.batch.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.storystudio.batch.result.SceneResult;

/** The one-screen report printed at the end of every run. */
public record RunSummary(String headline, Path input, long jobInstanceId, Long jobExecutionId, int scenes, int withVideo,
                         int reused, List<SceneResult> failedScenes, long submissions, long possibleDuplicates, String worker,
                         Path resultsCsv, Duration elapsed, String simulation, ExitCode exitCode) {

    private static final int FAILURES_SHOWN = 10;

    public void print(PrintStream out) {
        out.println();
        out.println("StoryStudio: " + headline);
        out.printf("  input        %s (job instance %d%s)%n", input, jobInstanceId,
                jobExecutionId == null ? "" : ", execution " + jobExecutionId);
        out.printf("  scenes       %d total, %d with video%s, %d failed, %d not finished%n", scenes, withVideo,
                reused == 0 ? "" : " (%d reused from earlier runs)".formatted(reused), failedScenes.size(),
                Math.max(0, scenes - withVideo - failedScenes.size()));
        failedScenes.stream().limit(FAILURES_SHOWN)
                .forEach(r -> out.printf("               FAILED %s (row %d): %s%n", r.sceneId(), r.position(), r.error()));
        if (failedScenes.size() > FAILURES_SHOWN) {
            out.printf("               ... and %d more in the results CSV%n", failedScenes.size() - FAILURES_SHOWN);
        }
        out.printf("  RunPod jobs  %d submitted for this input over all its runs%s%n", submissions,
                possibleDuplicates == 0 ? "" : ", %d possibly duplicated (a /run answer lost, or the process killed mid-call)".formatted(possibleDuplicates));
        out.printf("  worker       %s%n", worker);
        if (resultsCsv != null) {
            out.printf("  results      %s%n", resultsCsv);
        }
        if (elapsed != null) {
            out.printf("  took         %.1f s%n", elapsed.toMillis() / 1000.0);
        }
        if (simulation != null) {
            out.printf("  simulated    %s%n", simulation);
        }
        out.printf("  exit code    %d: %s%n", exitCode.code(), exitCode.meaning());
    }
}
