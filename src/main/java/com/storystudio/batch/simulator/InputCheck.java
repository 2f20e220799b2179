package com.storystudio.batch.simulator;

/**
 * What the worker makes of a job's input before running it.
 *
 * @param rejection the error the worker fails the job with, or null if it would run it
 * @param audio     the audio file the worker decoded from base64 on the way, kept so that nobody decodes
 *                  it again, or the emulator's own media file its URL names; null for any other URL (never
 *                  fetched) or when the input was rejected
 */
record InputCheck(String rejection, byte[] audio) {

    static InputCheck rejected(String error) {
        return new InputCheck(error, null);
    }

    static InputCheck accepted(byte[] audio) {
        return new InputCheck(null, audio);
    }

    boolean isAccepted() {
        return rejection == null;
    }
}
