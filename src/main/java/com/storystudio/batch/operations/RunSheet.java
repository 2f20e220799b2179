package com.storystudio.batch.operations;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.springframework.batch.core.job.JobExecution;

/** {@code show}'s text: the run summed up, its executions, then its scenes. */
public final class RunSheet {

    private RunSheet() {
    }

    public static String of(RunRow run, List<JobExecution> executions, List<SceneLine> scenes) {
        StringBuilder text = new StringBuilder();
        text.append("Run of %s (job instance %d): %s, %d done, %d failed, %s left, GPU cost $%s%n%n".formatted(run.input(),
                run.instanceId(), run.status(), run.done(), run.failed(), run.left().isPresent() ? run.left().getAsInt() : "?",
                run.gpuCost().setScale(2, java.math.RoundingMode.HALF_UP)));
        TextTable table = new TextTable("EXECUTION>", "STATUS", "EXIT", "STARTED", "ENDED", "TOOK>");
        executions.forEach(execution -> table.row(execution.getId(), execution.getStatus(), execution.getExitStatus().getExitCode(),
                TextTable.when(execution.getStartTime()), TextTable.when(execution.getEndTime()), took(execution)));
        text.append(table.render()).append('\n');
        if (scenes.isEmpty()) {
            return text.append("No scene was submitted or finished yet.\n").toString();
        }
        TextTable sceneTable = new TextTable("SCENE", "STATUS", "ATTEMPTS>", "RUNPOD JOBS", "ERROR");
        scenes.forEach(scene -> sceneTable.row(scene.sceneId(), scene.status(), scene.attempts(),
                scene.jobs().isEmpty() ? "-" : String.join(", ", scene.jobs()), Objects.requireNonNullElse(scene.error(), "")));
        return text.append(sceneTable.render()).toString();
    }

    private static String took(JobExecution execution) {
        LocalDateTime start = execution.getStartTime();
        return start == null || execution.getEndTime() == null ? "-" : TextTable.took(Duration.between(start, execution.getEndTime()));
    }
}
