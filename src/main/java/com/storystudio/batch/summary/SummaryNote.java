package com.storystudio.batch.summary;

import java.util.Optional;

/** A line a configuration adds to the end-of-run summary (the emulator's exact bill under {@code --simulate}). */
public interface SummaryNote {

    /** Shown in the summary's left column, e.g. "simulated". */
    String label();

    /** The line, read when the summary is built; empty to leave it out. */
    Optional<String> text();
}
