package com.storystudio.batch.generation;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Set;

import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.Scene;

/**
 * The scenes still to do, in the order they are taken up: first those whose job from an earlier run is
 * still on RunPod (its result is kept for only 30 minutes after it ends), then those put back because that
 * job turned out to be gone (they have waited longest), then the rest in the {@link SubmissionOrder}, ties in
 * input order.
 *
 * <p>Reads at most {@code lookahead} scenes ahead of the window, so memory stays bounded for any
 * storyboard: one up to that size is ordered as a whole, a longer one still ends on its shortest scenes.
 */
final class SubmissionQueue implements Iterator<Scene> {

    /** About 5 MB of scene rows (paths and prompts, never media content). */
    static final int DEFAULT_LOOKAHEAD = 10_000;

    /** Ranks, taken up in this order. */
    private static final int LIVE = 0;
    private static final int PUT_BACK = 1;
    private static final int NEW = 2;

    private final Iterator<Scene> source;
    private final Set<String> withLiveJob;
    private final SubmissionOrder order;
    private final int lookahead;
    private final SceneWork work;
    private final PriorityQueue<Queued> queue;
    private long read;

    /**
     * @param withLiveJob scene ids whose job from an earlier run was submitted and not seen to end
     * @param lengths     the audio lengths read before the run, which weigh the scenes in longest-first order
     */
    SubmissionQueue(Iterator<Scene> source, Set<String> withLiveJob, SubmissionOrder order, AudioLengths lengths, int lookahead) {
        if (lookahead < 1) {
            throw new IllegalArgumentException("lookahead must be at least 1, was " + lookahead);
        }
        this.source = source;
        this.withLiveJob = Set.copyOf(withLiveJob);
        this.order = order;
        this.work = new SceneWork(lengths);
        this.lookahead = lookahead;
        this.queue = new PriorityQueue<>(Comparator.comparingInt(Queued::rank)
                .thenComparing(Comparator.comparingDouble(Queued::work).reversed())
                .thenComparingLong(Queued::sequence));
    }

    @Override
    public boolean hasNext() {
        fill();
        return !queue.isEmpty();
    }

    @Override
    public Scene next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return queue.poll().scene();
    }

    /** The scene's audio length as the run read it (the same reading that weighed it). */
    OptionalDouble audioSeconds(Scene scene) {
        return work.audioSeconds(scene);
    }

    /** Whether the next scene is one whose job from an earlier run is still on RunPod. */
    boolean nextHasLiveJob() {
        fill();
        return !queue.isEmpty() && queue.peek().rank() == LIVE;
    }

    /** A scene taken up whose job from an earlier run was gone: it comes next after the live ones, for a new start. */
    void putBack(Scene scene) {
        queue.add(new Queued(scene, PUT_BACK, 0, read++));
    }

    private void fill() {
        while (queue.size() < lookahead && source.hasNext()) {
            Scene scene = source.next();
            // In input order every scene weighs the same, so only the sequence decides.
            double weight = order == SubmissionOrder.LONGEST_FIRST ? work.estimate(scene) : 0;
            queue.add(new Queued(scene, withLiveJob.contains(scene.sceneId()) ? LIVE : NEW, weight, read++));
        }
    }

    private record Queued(Scene scene, int rank, double work, long sequence) {
    }
}
