package com.storystudio.batch.runpod;

import tools.jackson.databind.JsonNode;

/**
 * A successful answer, with how many earlier attempts of the same call may have reached RunPod
 * unanswered (see {@link TransientHttpFailure#mayHaveArrived()}).
 */
record RunPodResponse(JsonNode body, int unansweredAttempts) {
}
