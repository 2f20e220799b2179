package com.storystudio.batch.operations;

import java.util.function.Supplier;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ownership.RunOwnership;
import com.storystudio.batch.run.OrphanRecovery;

/**
 * Marks a run nobody will continue ABANDONED with Spring Batch's {@link JobOperator#abandon}, so that the next launch
 * of its input starts over (see {@code RunLauncher}). The input's claim is taken first, as a launch takes it: a live
 * process running it refuses the abandon ({@link com.storystudio.batch.ownership.RunInProgressException}); an
 * execution still "running" once the claim is held was left by a dead process and is recovered first.
 */
@Component
public class RunAbandonment {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final RunOwnership ownership;
    private final OrphanRecovery recovery;
    private final SubmissionLedger ledger;

    public RunAbandonment(JobOperator jobOperator, JobRepository jobRepository, RunOwnership ownership, OrphanRecovery recovery,
                          SubmissionLedger ledger) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.ownership = ownership;
        this.recovery = recovery;
        this.ledger = ledger;
    }

    /** @throws RunCompletedException when the run completed: there is nothing to abandon */
    public Abandoned abandon(SelectedRun run) {
        return claimed(run, ownership, () -> {
            JobExecution last = jobRepository.getLastJobExecution(run.instance());
            if (last.getStatus() == BatchStatus.COMPLETED) {
                throw new RunCompletedException("the run of %s (job instance %d) completed; there is nothing to abandon"
                        .formatted(run.parameters().input(), run.instanceId()));
            }
            if (last.getStatus() == BatchStatus.ABANDONED) {
                return new Abandoned(last.getId(), false, true, ledger.liveJobs(run.instanceId()));
            }
            boolean orphaned = OrphanRecovery.isOrphaned(last);
            JobExecution stopped = orphaned ? recovery.recover(run.parameters().input().toString(), last, "abandon") : last;
            try {
                jobOperator.abandon(stopped);
            }
            catch (JobExecutionAlreadyRunningException e) {
                throw new IllegalStateException("execution %d still runs after its recovery".formatted(stopped.getId()), e);
            }
            return new Abandoned(stopped.getId(), orphaned, false, ledger.liveJobs(run.instanceId()));
        });
    }

    /** {@code action} while this process holds the run's claim, as a launch of it would. */
    static <T> T claimed(SelectedRun run, RunOwnership ownership, Supplier<T> action) {
        ownership.claim(run.parameters().claimKey(), run.parameters().input().toString());
        try {
            return action.get();
        }
        finally {
            ownership.unclaim();
        }
    }
}
