package com.storystudio.batch.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.storystudio.batch.ledger.RemoteEnd;
import com.storystudio.batch.ledger.Submission;
import com.storystudio.batch.ledger.SubmissionLedger;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.ownership.RunOwnership;
import com.storystudio.batch.runpod.JobStatus;
import com.storystudio.batch.runpod.RemoteStatus;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.RunPodRejectedException;
import com.storystudio.batch.runpod.RunPodUnavailableException;

/**
 * Cancels the jobs of a run that are live on RunPod (submitted, not seen to end, as the ledger knows them) and records
 * each one CANCELLED as a run's own cancel-on-stop does, so that the next run submits the scene again. Done under the
 * input's claim: a live process running it would re-attach or resubmit, so it refuses
 * ({@link com.storystudio.batch.ownership.RunInProgressException}). A job that had ended already is left SUBMITTED:
 * the next run re-attaches to it and collects its video instead of paying again.
 */
@Component
public class LiveJobCancellation {

    private static final Logger log = LoggerFactory.getLogger(LiveJobCancellation.class);
    private static final String REASON = "cancelled: by the cancel-jobs command";

    private final SubmissionLedger ledger;
    private final RunPodJobs jobs;
    private final RunOwnership ownership;

    public LiveJobCancellation(SubmissionLedger ledger, RunPodJobs jobs, RunOwnership ownership) {
        this.ledger = ledger;
        this.jobs = jobs;
        this.ownership = ownership;
    }

    /**
     * Stops at the first job RunPod did not answer for: the ones after it are reported {@link CancelledJob.Outcome#NOT_ANSWERED}.
     *
     * @throws RunPodConfigurationException when RunPod refused the key or the address
     */
    public List<CancelledJob> cancel(SelectedRun run) {
        return RunAbandonment.claimed(run, ownership, () -> {
            List<CancelledJob> done = new ArrayList<>();
            boolean answering = true;
            for (Map.Entry<String, String> live : ledger.liveJobs(run.instanceId()).entrySet()) {
                CancelledJob cancelled = answering ? cancel(run.instanceId(), live.getKey(), live.getValue())
                        : new CancelledJob(live.getKey(), live.getValue(), CancelledJob.Outcome.NOT_ANSWERED, null);
                answering = cancelled.outcome() != CancelledJob.Outcome.NOT_ANSWERED;
                done.add(cancelled);
            }
            return done;
        });
    }

    private CancelledJob cancel(long jobInstanceId, String sceneId, String jobId) {
        JobStatus status;
        try {
            status = jobs.cancel(jobId);
        }
        catch (RunPodUnavailableException e) {
            log.warn("Scene {}: RunPod did not answer the cancel of job {}: {}", sceneId, jobId, e.getMessage());
            return new CancelledJob(sceneId, jobId, CancelledJob.Outcome.NOT_ANSWERED, null);
        }
        catch (RunPodRejectedException e) {
            if (e instanceof RunPodConfigurationException || !e.isNotFound()) {
                throw e;
            }
            return new CancelledJob(sceneId, jobId, CancelledJob.Outcome.ENDED, null);
        }
        if (status.status() != RemoteStatus.CANCELLED) {
            return new CancelledJob(sceneId, jobId, CancelledJob.Outcome.ENDED, status.rawStatus());
        }
        Submission row = ledger.latest(jobInstanceId, sceneId).filter(latest -> jobId.equals(latest.remoteJobId()))
                .orElseThrow(() -> new IllegalStateException("the ledger's latest job of scene %s is no longer %s".formatted(sceneId, jobId)));
        ledger.ended(row.id(), SubmissionState.CANCELLED, RemoteEnd.of(status.rawStatus()), REASON);
        log.info("Scene {}: RunPod job {} {}", sceneId, jobId, REASON);
        return new CancelledJob(sceneId, jobId, CancelledJob.Outcome.CANCELLED, status.rawStatus());
    }
}
