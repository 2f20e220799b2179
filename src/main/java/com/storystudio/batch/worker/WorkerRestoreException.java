package com.storystudio.batch.worker;

/** The endpoint could not be put back: an active worker may be left running and billing. */
public class WorkerRestoreException extends RuntimeException {

    public WorkerRestoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
