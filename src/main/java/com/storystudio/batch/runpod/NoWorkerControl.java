package com.storystudio.batch.runpod;

import java.util.Optional;

/** {@code --runpod.worker-control=none}: scaling is left to the endpoint's own settings. */
public class NoWorkerControl implements WorkerControl {

    @Override
    public Optional<WorkerSettings> read() {
        return Optional.empty();
    }

    @Override
    public WorkerSettings apply(WorkerSettings change) {
        return new WorkerSettings(null, null);
    }

    @Override
    public boolean isActive() {
        return false;
    }

    @Override
    public String describe() {
        return "none";
    }
}
