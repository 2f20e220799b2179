package com.storystudio.batch.simulator;

import java.util.List;

/** The model's side of {@link SimulatorStats}, taken under the model's lock at one simulated instant. */
record ModelSnapshot(long jobsCreated, long injectedJobFailures, int workersMin, List<Integer> workersMinHistory,
                     BillingTotals billing) {
}
