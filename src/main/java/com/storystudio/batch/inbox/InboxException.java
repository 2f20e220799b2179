package com.storystudio.batch.inbox;

/** The inbox cannot be run at all (missing, not a folder, no CSV in it); the message says which. */
public class InboxException extends RuntimeException {

    public InboxException(String message) {
        super(message);
    }
}
