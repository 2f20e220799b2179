package com.storystudio.batch.cost;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What keeping the endpoint's active worker added to a run's cost: RunPod bills an active worker while it
 * waits too, and the jobs' GPU seconds already count the time it worked. So its idle time is at least the
 * worker-seconds held minus the GPU seconds of the jobs that executed while it was held. A lower bound:
 * a job a flex worker ran during the hold counts as if the active worker had run it.
 *
 * @param heldWorkerSeconds   worker-seconds held (time held x workers kept), in RunPod's seconds
 * @param gpuSecondsWhileHeld GPU seconds of the run's jobs that executed within the hold windows
 * @param idleDollars         {@link #idleWorkerSeconds()} at the GPU's price
 */
public record ActiveWorkerCost(double heldWorkerSeconds, double gpuSecondsWhileHeld, BigDecimal idleDollars) {

    /** Nothing held. */
    public static ActiveWorkerCost none(GpuPrice price) {
        return new ActiveWorkerCost(0, 0, price.dollars(0));
    }

    /**
     * @param holds                      when the run held the worker(s), on the wall clock
     * @param executions                 when each of the run's jobs executed, on the wall clock, with the GPU seconds RunPod
     *                                   reported for it; a job executing partly within a hold counts for that part
     * @param remoteSecondsPerWallSecond how RunPod's reported seconds relate to the wall clock: 1 for RunPod, the time scale
     *                                   for an emulator whose time runs faster (the holds are measured on the wall clock)
     */
    public static ActiveWorkerCost of(List<Hold> holds, List<Execution> executions, double remoteSecondsPerWallSecond, GpuPrice price) {
        double held = holds.stream().mapToDouble(hold -> seconds(hold.from(), hold.to()) * hold.workers()).sum() * remoteSecondsPerWallSecond;
        List<Hold> windows = merged(holds);
        double gpu = executions.stream().mapToDouble(execution -> execution.gpuSeconds() * shareWithin(execution, windows)).sum();
        return new ActiveWorkerCost(held, gpu, price.dollars(Math.max(0, held - gpu)));
    }

    /** Worker-seconds held beyond the jobs executed meanwhile: at least this long the active worker waited, billed. */
    public double idleWorkerSeconds() {
        return Math.max(0, heldWorkerSeconds - gpuSecondsWhileHeld);
    }

    public boolean anyHeld() {
        return heldWorkerSeconds > 0;
    }

    /** The share of the execution's wall-clock span that lies within the windows (all of it for an instant inside one). */
    private static double shareWithin(Execution execution, List<Hold> windows) {
        double span = seconds(execution.from(), execution.to());
        if (span <= 0) {
            return windows.stream().anyMatch(w -> !execution.from().isBefore(w.from()) && !execution.from().isAfter(w.to())) ? 1 : 0;
        }
        double inside = 0;
        for (Hold window : windows) {
            Instant from = execution.from().isAfter(window.from()) ? execution.from() : window.from();
            Instant to = execution.to().isBefore(window.to()) ? execution.to() : window.to();
            inside += Math.max(0, seconds(from, to));
        }
        return Math.min(1, inside / span);
    }

    /** The holds' windows with overlaps joined, so that a job is not counted twice. */
    private static List<Hold> merged(List<Hold> holds) {
        List<Hold> sorted = holds.stream().sorted(Comparator.comparing(Hold::from)).toList();
        List<Hold> windows = new ArrayList<>();
        for (Hold hold : sorted) {
            Hold last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && !hold.from().isAfter(last.to())) {
                windows.set(windows.size() - 1, new Hold(last.from(), hold.to().isAfter(last.to()) ? hold.to() : last.to(), 1));
            }
            else {
                windows.add(hold);
            }
        }
        return windows;
    }

    private static double seconds(Instant from, Instant to) {
        return to.isBefore(from) ? 0 : Duration.between(from, to).toMillis() / 1000.0;
    }

    /** A stretch of time the run kept {@code workers} active workers. */
    public record Hold(Instant from, Instant to, int workers) {
    }

    /** A job's execution on the wall clock, and the GPU seconds RunPod billed for it. */
    public record Execution(Instant from, Instant to, double gpuSeconds) {
    }
}
