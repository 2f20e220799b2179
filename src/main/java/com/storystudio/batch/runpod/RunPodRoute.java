package com.storystudio.batch.runpod;

/**
 * Which of RunPod's rate limits a call counts against. RunPod limits {@code /run}, {@code /status}
 * and {@code /cancel} per endpoint; the others are not limited by the client.
 */
public enum RunPodRoute {
    RUN, STATUS, CANCEL, HEALTH,
    /** The GraphQL API and the REST management API that scale the endpoint's workers. */
    MANAGEMENT
}
