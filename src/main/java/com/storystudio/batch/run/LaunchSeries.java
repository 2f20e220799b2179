package com.storystudio.batch.run;

import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import com.storystudio.batch.job.StopRequest;
import com.storystudio.batch.worker.WorkerScaling;

/**
 * Launches one after another in one process, as the inbox makes them. Between two launches SIGTERM and
 * Ctrl-C are a stop of the series, heard as during a launch, rather than the JVM's default shutdown,
 * which would end the process under the job database with no summary; the series asks
 * {@link #stopRequested()} before each launch.
 */
@Component
public class LaunchSeries {

    private final StopRequest stop;
    private final WorkerScaling scaling;

    public LaunchSeries(StopRequest stop, WorkerScaling scaling) {
        this.stop = stop;
        this.scaling = scaling;
    }

    /** Runs {@code series} with the signals heard as stop requests; each launch in it installs its own on top. */
    public <T> T listening(Callable<T> series) throws Exception {
        try (StopSignals signals = StopSignals.install(stop, scaling::mayLeaveChange)) {
            return series.call();
        }
    }

    /** Whether a stop was asked for: no launch is to start. */
    public boolean stopRequested() {
        return stop.isRequested();
    }
}
