package com.storystudio.batch.run;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.job.StopRequest;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT (Ctrl-C) while a run is in progress: the first one asks the run to stop
 * gracefully, a second one ends the process at once (the next launch recovers the run, as after
 * a kill -9). The JVM's default handlers, which start shutdown and would close the database under
 * the running job, are put back when the run is over.
 */
final class StopSignals implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final List<Installed> installed = new ArrayList<>();

    private StopSignals() {
    }

    static StopSignals install(StopRequest stop) {
        StopSignals signals = new StopSignals();
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, received -> onSignal(received, stop));
                signals.installed.add(new Installed(signal, previous));
            }
            catch (IllegalArgumentException e) {
                // e.g. -Xrs, or a platform without the signal: the default behaviour stays.
                log.debug("Cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        return signals;
    }

    private static void onSignal(Signal signal, StopRequest stop) {
        if (stop.request()) {
            log.warn("SIG{} received: stopping after the current RunPod call; remote jobs in flight are re-attached by the "
                    + "next run of the same command. Send it again to exit at once.", signal.getName());
        }
        else {
            log.warn("Second SIG{}: exiting now; the next run of the same command recovers this one", signal.getName());
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
    }

    @Override
    public void close() {
        installed.forEach(entry -> Signal.handle(entry.signal(), entry.previous()));
        installed.clear();
    }

    private record Installed(Signal signal, SignalHandler previous) {
    }
}
