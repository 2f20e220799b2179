package com.storystudio.batch.cli;

import java.util.List;

import com.storystudio.batch.runpod.RunPodConnection;

/** The command line is wrong; the message says how. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    /**
     * Refuses a command that talks to RunPod without the settings it needs (the key, the endpoint id).
     *
     * @param hint what to do instead, after the missing settings; empty for none
     */
    static void unlessConnected(RunPodConnection connection, String hint) {
        List<String> missing = connection.missingSettings();
        if (!missing.isEmpty()) {
            throw new UsageException("missing " + String.join(" and ", missing) + hint);
        }
    }
}
