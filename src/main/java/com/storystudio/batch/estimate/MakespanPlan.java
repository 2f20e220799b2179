package com.storystudio.batch.estimate;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * When the last scene ends: the jobs list-scheduled longest first over the workers, each job going to the
 * worker that frees up first, as the run submits them (longest first, every worker kept busy); after one
 * cold start, since the workers start together when the run enables them.
 */
final class MakespanPlan {

    private MakespanPlan() {
    }

    /** @param jobSeconds each job's warm execution time */
    static double seconds(List<Double> jobSeconds, int workers, double coldStartSeconds) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (jobSeconds.isEmpty()) {
            return 0;
        }
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        for (int i = 0; i < Math.min(workers, jobSeconds.size()); i++) {
            freeAt.add(coldStartSeconds);
        }
        double end = coldStartSeconds;
        for (double job : jobSeconds.stream().sorted(Comparator.reverseOrder()).toList()) {
            double finished = freeAt.poll() + job;
            end = Math.max(end, finished);
            freeAt.add(finished);
        }
        return end;
    }
}
