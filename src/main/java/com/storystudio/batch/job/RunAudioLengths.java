package com.storystudio.batch.job;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.storystudio.batch.scene.AudioLengths;
import com.storystudio.batch.scene.MediaRef;

/**
 * The audio lengths of one run's input, read once, the first time they are asked for: by the enableWorker step
 * just before it enables the active worker, so that no worker bills while remote audio is read, and then by the
 * generate step, which orders its scenes with them. Job-scoped: a run, or a restart, reads them afresh.
 */
public final class RunAudioLengths {

    private final Supplier<AudioLengths> read;
    private AudioLengths lengths;

    public RunAudioLengths(Supplier<AudioLengths> read) {
        this.read = read;
    }

    /** Each file's length is read once for the run, however many parts of it ask (the order, the progress line). */
    public synchronized AudioLengths get() {
        if (lengths == null) {
            AudioLengths probed = read.get();
            Map<MediaRef, OptionalDouble> known = new ConcurrentHashMap<>();
            lengths = audio -> known.computeIfAbsent(audio, probed::seconds);
        }
        return lengths;
    }
}
