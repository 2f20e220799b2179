package com.storystudio.batch.simulator;

/** The counts /health reports. {@code failed} includes TIMED_OUT jobs; {@code running} counts busy workers. */
record HealthView(int completed, int failed, int inProgress, int inQueue, long retried, int idleWorkers,
                  int initializingWorkers, int runningWorkers) {
}
