package com.storystudio.batch.generation;

import java.io.IOException;

import com.storystudio.batch.runpod.GenerationInput;
import com.storystudio.batch.runpod.JobPolicy;
import com.storystudio.batch.runpod.JobStatus;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodJobs;
import com.storystudio.batch.runpod.RunPodRejectedException;
import com.storystudio.batch.runpod.SubmittedJob;
import com.storystudio.batch.scene.Scene;

/** The RunPod calls the window makes for its scenes; what their answers mean is {@link SceneLifecycle}'s to say. */
final class SceneCalls {

    private final RunPodJobs jobs;
    private final SceneRequestFactory requests;
    private final JobPolicy policy;

    SceneCalls(RunPodJobs jobs, SceneRequestFactory requests, JobPolicy policy) {
        this.jobs = jobs;
        this.requests = requests;
        this.policy = policy;
    }

    /** The {@code /run} input; local media are read and encoded here, just before sending. */
    GenerationInput input(Scene scene) throws IOException {
        return requests.inputFor(scene);
    }

    SubmittedJob submit(GenerationInput input) {
        return jobs.submit(input, policy);
    }

    /** Where {@link #submit} sends its {@code /run}, for the message of a refusal that is about the run. */
    String runUrl() {
        return jobs.runUrl();
    }

    /** @throws RunPodRejectedException with {@link RunPodRejectedException#isNotFound()} once RunPod forgot the job */
    JobStatus status(String remoteJobId) {
        return jobs.status(remoteJobId);
    }

    /**
     * Cancels a remote job so that it stops billing.
     *
     * @return the status RunPod answered; null for a job it no longer knows, which has ended already
     * @throws RunPodConfigurationException when the refusal is about the run (the key), not the job
     */
    String cancel(String remoteJobId) {
        try {
            return jobs.cancel(remoteJobId).rawStatus();
        }
        catch (RunPodRejectedException e) {
            if (e instanceof RunPodConfigurationException || !e.isNotFound()) {
                throw e;
            }
            return null;
        }
    }
}
