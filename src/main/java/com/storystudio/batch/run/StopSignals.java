package com.storystudio.batch.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.job.StopRequest;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT (Ctrl-C) while a run is in progress: the first one asks the run to stop
 * gracefully, within {@code storystudio.stop-timeout}; a second one ends the process at once (the next
 * launch recovers the run, as after a kill -9). The JVM's default handlers, which start shutdown and
 * would close the database under the running job, are put back when the run is over.
 * <p>
 * The stop's RunPod calls give up at the curfew the request sets; should the run still not be over at
 * the stop timeout, the process ends there, as a scheduler would end it a moment later, but saying why.
 */
final class StopSignals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");
    /** The exit codes of README (cli.ExitCode, which this package cannot see): stopped, worker not restored. */
    private static final int STOPPED = 6;
    private static final int WORKER_NOT_RESTORED = 5;

    private final List<Installed> installed = new ArrayList<>();
    private final StopRequest stop;
    private final BooleanSupplier workerLeftChanged;
    private final CountDownLatch runOver = new CountDownLatch(1);

    private StopSignals(StopRequest stop, BooleanSupplier workerLeftChanged) {
        this.stop = stop;
        this.workerLeftChanged = workerLeftChanged;
    }

    /** @param workerLeftChanged whether the endpoint may still carry this run's change; answered without I/O */
    static StopSignals install(StopRequest stop, BooleanSupplier workerLeftChanged) {
        StopSignals signals = new StopSignals(stop, workerLeftChanged);
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, signals::onSignal);
                signals.installed.add(new Installed(signal, previous));
            }
            catch (IllegalArgumentException e) {
                // e.g. -Xrs, or a platform without the signal: the default behaviour stays.
                log.debug("Cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return signals;
    }

    private void onSignal(Signal signal) {
        if (stop.request()) {
            log.warn("SIG{} received: stopping after the current RunPod call, within {} s (storystudio.stop-timeout); remote jobs "
                    + "in flight are re-attached by the next run of the same command. Send it again to exit at once.",
                    signal.getName(), stop.timeout().toSeconds());
            Thread watchdog = new Thread(this::endAtTheStopTimeout, "stop-timeout");
            watchdog.setDaemon(true);
            watchdog.start();
        }
        else {
            log.warn("Second SIG{}: exiting now; the next run of the same command recovers this one", signal.getName());
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
    }

    private void endAtTheStopTimeout() {
        try {
            if (runOver.await(stop.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean changed = workerLeftChanged.getAsBoolean();
        log.error("The run did not end within storystudio.stop-timeout ({} s): exiting now; the next run of the same command "
                + "recovers this one{}", stop.timeout().toSeconds(), changed
                ? " and restores the endpoint's scaling, which may still keep an active worker billing (or run --restore-worker)" : "");
        Runtime.getRuntime().halt(changed ? WORKER_NOT_RESTORED : STOPPED);
    }

    @Override
    public void close() {
        runOver.countDown();
        installed.forEach(entry -> Signal.handle(entry.signal(), entry.previous()));
        installed.clear();
    }

    private record Installed(Signal signal, SignalHandler previous) {
    }
}
