package com.storystudio.batch.operations;

/** The run an operator named is not in the job database; the message says what was looked for. */
public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(String message) {
        super(message);
    }
}
