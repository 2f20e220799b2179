package com.storystudio.batch.operations;

/** The run asked about completed: what was asked only makes sense for a run that did not. */
public class RunCompletedException extends RuntimeException {

    public RunCompletedException(String message) {
        super(message);
    }
}
