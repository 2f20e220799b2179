package com.storystudio.batch.runpod;

/** A RunPod job's status. Values RunPod may add later map to {@link #UNKNOWN}, which is not terminal. */
public enum RemoteStatus {
    IN_QUEUE, IN_PROGRESS, COMPLETED, FAILED, CANCELLED, TIMED_OUT, UNKNOWN;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == TIMED_OUT;
    }

    static RemoteStatus parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
