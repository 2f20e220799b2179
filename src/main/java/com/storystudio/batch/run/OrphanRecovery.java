package com.storystudio.batch.run;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import com.storystudio.batch.worker.WorkerHolds;

/**
 * An execution left STARTED or STOPPING by a process that died (kill -9, out of memory, reboot), or with a step left
 * running, marked FAILED with Spring Batch's own {@link JobOperator#recover}, so that it can be restarted or abandoned.
 * Only for a caller that holds the input's claim: an execution still "running" then has no live process.
 */
@Component
public class OrphanRecovery {

    private static final Logger log = LoggerFactory.getLogger(OrphanRecovery.class);

    private final JobOperator jobOperator;
    private final WorkerHolds holds;

    public OrphanRecovery(JobOperator jobOperator, WorkerHolds holds) {
        this.jobOperator = jobOperator;
        this.holds = holds;
    }

    /**
     * Whether the execution needs {@link #recover}: still "running" with no live process, or ended with a step still
     * "running" (the database went away for longer than the pool waits, a PostgreSQL restart say, just as the step
     * ended, and only the job's end was recorded once it was back). Spring Batch refuses to restart either as if it
     * were running elsewhere.
     */
    public static boolean isOrphaned(JobExecution execution) {
        return execution.getStatus().isRunning() || execution.getStepExecutions().stream().anyMatch(step -> step.getStatus().isRunning());
    }

    /** @param by who recovers it, for the record: {@code the next launch} */
    public JobExecution recover(String input, JobExecution orphaned, String by) {
        String why = orphaned.getStatus().isRunning()
                ? "its process ended without finishing it (killed, out of memory or rebooted)"
                : "a step's end could not be recorded (the database was unreachable)";
        log.warn("Recovering the run of {} (execution {}, left {}): {}", input, orphaned.getId(), orphaned.getStatus(), why);
        orphaned.setExitStatus(ExitStatus.FAILED.addExitDescription("Recovered by " + by + ": " + why));
        LocalDateTime lastSeen = Objects.requireNonNullElse(orphaned.getLastUpdated(), orphaned.getStartTime());
        JobExecution recovered = jobOperator.recover(orphaned);
        if (lastSeen != null) {
            holds.releasedAt(orphaned.getId(), lastSeen.atZone(ZoneId.systemDefault()).toInstant());
        }
        return recovered;
    }
}
