package com.storystudio.batch.job;

import java.util.function.Supplier;

import com.storystudio.batch.scene.AudioLengths;

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

    public synchronized AudioLengths get() {
        if (lengths == null) {
            lengths = read.get();
        }
        return lengths;
    }
}
