package com.storystudio.batch.runpod;

import java.util.Optional;

/** Scales an endpoint's active workers (see {@link WorkerControlMode}). */
public interface WorkerControl {

    /** The endpoint's scaling now; empty when this control cannot read it. */
    Optional<WorkerSettings> read();

    /**
     * Applies the non-null fields of {@code change} and returns the scaling RunPod reports back
     * (fields it does not report are null).
     */
    WorkerSettings apply(WorkerSettings change);

    /** Whether this control changes anything at all ({@code none} does not). */
    default boolean isActive() {
        return true;
    }

    String describe();
}
