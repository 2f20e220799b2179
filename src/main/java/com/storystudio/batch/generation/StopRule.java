package com.storystudio.batch.generation;

import java.util.function.BooleanSupplier;

/**
 * When the window stops before every scene has its result, and what it does with the jobs it has on RunPod.
 *
 * @param requested        asked of this process (a signal) or of the step (a stop through the job repository)
 * @param cancelJobsInFlight {@code --cancel-on-stop}: cancel them; otherwise they are left to finish and the
 *                           next run of the same command re-attaches them
 */
record StopRule(BooleanSupplier requested, boolean cancelJobsInFlight) {

    /** What the stop did with the {@code jobs} on RunPod. */
    String stoppedWith(int jobs) {
        return cancelJobsInFlight
                ? "Stopped; %d remote job(s) in flight were cancelled".formatted(jobs)
                : "Stopped; %d remote job(s) in flight are left to finish and are picked up by the next run".formatted(jobs);
    }
}
