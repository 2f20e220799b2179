package com.storystudio.batch.runpod;

/**
 * The RunPod API key. A type of its own so that it can never be printed by accident:
 * {@link #toString()} masks it, and only {@link RunPodHttp} reads {@link #value()} to build the
 * Authorization header.
 */
public record ApiKey(String value) {

    public boolean isBlank() {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return isBlank() ? "(not set)" : "****";
    }
}
