package com.storystudio.batch.scene;

/**
 * Rules the check applies.
 *
 * @param maxRequestBytes      largest request body allowed; RunPod rejects /run bodies over 10 MiB
 * @param requestOverheadBytes allowance for the JSON envelope and other fields besides image, audio and prompt
 */
public record SceneRules(long maxRequestBytes, long requestOverheadBytes) {

    private static final long RUNPOD_RUN_LIMIT = 10L * 1024 * 1024;
    private static final long DEFAULT_OVERHEAD = 4096;

    public SceneRules {
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        }
        if (requestOverheadBytes < 0 || requestOverheadBytes >= maxRequestBytes) {
            throw new IllegalArgumentException("requestOverheadBytes must be in 0.." + (maxRequestBytes - 1)
                    + ": " + requestOverheadBytes);
        }
    }

    public static SceneRules defaults() {
        return new SceneRules(RUNPOD_RUN_LIMIT, DEFAULT_OVERHEAD);
    }
}
