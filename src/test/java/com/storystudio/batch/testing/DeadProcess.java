package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.storystudio.batch.ownership.ProcessIdentity;

/** The identity of a process that has ended: what a run killed with kill -9 leaves in run_owner. */
public final class DeadProcess {

    private DeadProcess() {
    }

    public static ProcessIdentity onThisHost() {
        try {
            Process process = new ProcessBuilder("java", "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ProcessIdentity identity = new ProcessIdentity(ProcessIdentity.current().host(), process.pid(),
                    process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(null));
            process.waitFor();
            return identity;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
