package com.storystudio.batch.simulator;

/**
 * What a valid /run request asked for, extracted once outside the model's lock.
 *
 * @param inputJson  the {@code input} object as received, serialized
 * @param rejection  the error the worker will fail the job with when it picks it up, or null if the input
 *                   is acceptable; validation is a pure function of the input, so it is done at submission
 *                   (off the lock) and only applied at pick-up time, where the real worker would do it
 * @param resolution "480p" or "720p" (the default when absent); meaningless when rejected
 * @param sampleSteps 20 when absent; meaningless when rejected
 * @param audioClips  how many 5-second clips the audio makes ({@link AudioClips}); 1 when its length is
 *                    unknown or the input is rejected
 */
record JobRequest(String inputJson, String rejection, String resolution, int sampleSteps, int audioClips,
                  long executionTimeoutMs, long ttlMs) {
}
