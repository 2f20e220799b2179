package com.storystudio.batch.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneStatus;

/**
 * How far one execution of the generate step is: counts of scenes, the GPU work left and the work
 * RunPod did since the step started, the rate the ETA comes from. Told of each result as it is
 * written; read by the progress line's own thread, hence synchronized.
 */
final class RunProgress {

    private final int total;
    private final SceneWorkload workload;
    private final Instant started;
    private final Set<String> settled = new HashSet<>();
    /** Largest work first, for the tail: the last scene takes as long as it takes, however many workers there are. */
    private final PriorityQueue<Map.Entry<String, Double>> largestLeft =
            new PriorityQueue<>(Comparator.comparingDouble((Map.Entry<String, Double> entry) -> entry.getValue()).reversed());
    private int finished;
    private int failed;
    private double workLeft;
    private double workDone;

    /**
     * @param total    scenes in the input
     * @param finished scenes with their video when the step started
     * @param workload work of every scene still to finish then
     */
    RunProgress(int total, int finished, SceneWorkload workload, Instant started) {
        this.total = total;
        this.finished = finished;
        this.workload = workload;
        this.started = started;
        largestLeft.addAll(workload.work().entrySet());
        workLeft = workload.work().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** A scene's final result of this run. Only a video RunPod made counts towards the rate; a reused one costs no time. */
    synchronized void settled(SceneResult result) {
        if (!settled.add(result.sceneId())) {
            return;
        }
        double work = workload.of(result.sceneId());
        workLeft = Math.max(0, workLeft - work);
        if (result.status() == SceneStatus.COMPLETED) {
            finished++;
            if (result.reusedFrom() == null) {
                workDone += work;
            }
        }
        else {
            failed++;
        }
    }

    /** Scenes with a final result, of this run or earlier ones. */
    synchronized int settledCount() {
        return finished + failed;
    }

    int total() {
        return total;
    }

    synchronized ProgressLine line(int inFlight, double gpuSeconds, double dollars, int workers, Instant now) {
        int live = Math.min(inFlight, Math.max(0, total - finished - failed));
        int waiting = Math.max(0, total - finished - failed - live);
        return new ProgressLine(finished, failed, live, waiting, total, eta(workers, now), now, gpuSeconds, dollars);
    }

    /**
     * Work left over the rate measured so far; never less than the largest scene left takes one worker,
     * since that one cannot be shared out (the end of a run is its longest scene on one worker).
     */
    private Optional<Duration> eta(int workers, Instant now) {
        double elapsed = Duration.between(started, now).toMillis() / 1000.0;
        if (workDone <= 0 || elapsed <= 0) {
            return Optional.empty();
        }
        double rate = workDone / elapsed;
        while (!largestLeft.isEmpty() && settled.contains(largestLeft.peek().getKey())) {
            largestLeft.poll();
        }
        double largest = largestLeft.isEmpty() ? 0 : largestLeft.peek().getValue();
        double seconds = Math.max(workLeft / rate, largest / (rate / Math.max(1, workers)));
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
