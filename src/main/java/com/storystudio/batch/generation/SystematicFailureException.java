package com.storystudio.batch.generation;

/** The run stopped submitting because its failures look systematic (see {@link FailureBudget}). */
public class SystematicFailureException extends RuntimeException {

    public SystematicFailureException(String reason) {
        super("Stopped submitting scenes: " + reason + ". Nothing more is paid for until the cause is fixed; "
                + "jobs already on RunPod are left to finish and are picked up when the same command is run again.");
    }
}
