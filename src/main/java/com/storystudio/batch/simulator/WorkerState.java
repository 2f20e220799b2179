package com.storystudio.batch.simulator;

/** A worker's life phases; each is billed into its own bucket of the ledger. */
enum WorkerState {
    /** Cold-starting (container pull and boot), before it can take a job. */
    INITIALIZING,
    /** Ready and waiting for a job. */
    IDLE,
    /** Running a job, including the model load of its first job. */
    BUSY
}
