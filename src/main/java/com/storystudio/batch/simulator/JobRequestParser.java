package com.storystudio.batch.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a /run body into a {@link JobRequest}. Only the envelope is checked here (what RunPod's API itself
 * refuses with 400); the input's content is judged later by the worker.
 */
final class JobRequestParser {

    static final long DEFAULT_EXECUTION_TIMEOUT_MS = 600_000L;
    static final long DEFAULT_TTL_MS = 86_400_000L;
    static final int DEFAULT_STEPS = 20;
    /** Far beyond RunPod's own limits; only keeps deadline arithmetic in nanoseconds from overflowing. */
    private static final long MAX_POLICY_MS = 365L * 86_400_000L;

    private final JsonCodec json;
    private final InputValidator validator;
    private final AudioClips audioClips;

    JobRequestParser(JsonCodec json, InputValidator validator, AudioClips audioClips) {
        this.json = json;
        this.validator = validator;
        this.audioClips = audioClips;
    }

    JobRequest parse(byte[] body) {
        ObjectNode request = json.parseObject(body);
        JsonNode input = request.get("input");
        if (input == null || !input.isObject()) {
            throw new InvalidRequestException("request must contain an \"input\" object");
        }
        JsonNode webhook = request.get("webhook");
        if (webhook != null && !webhook.isNull() && !webhook.isString()) {
            throw new InvalidRequestException("\"webhook\" must be a URL string");
        }
        JsonNode policy = request.get("policy");
        if (policy != null && !policy.isNull() && !policy.isObject()) {
            throw new InvalidRequestException("\"policy\" must be an object");
        }
        long executionTimeout = policyMillis(policy, "executionTimeout", DEFAULT_EXECUTION_TIMEOUT_MS);
        long ttl = policyMillis(policy, "ttl", DEFAULT_TTL_MS);
        InputCheck check = validator.check(input);
        // Only an accepted input has a meaningful resolution, step count and length; a rejected one keeps the
        // defaults. The audio's length is read here, off the model's lock, like the rest of the input.
        boolean accepted = check.isAccepted();
        String resolution = accepted && input.has("resolution")
                ? input.get("resolution").stringValue() : ServiceTimeModel.RESOLUTION_480P;
        int steps = accepted && input.has("sample_steps") ? input.get("sample_steps").intValue() : DEFAULT_STEPS;
        int clips = accepted ? audioClips.count(check.audio()) : AudioClips.UNKNOWN_LENGTH;
        return new JobRequest(json.write(input), check.rejection(), resolution, steps, clips, executionTimeout, ttl);
    }

    private static long policyMillis(JsonNode policy, String field, long defaultMs) {
        JsonNode value = policy == null ? null : policy.get(field);
        if (value == null || value.isNull()) {
            return defaultMs;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() <= 0 || value.longValue() > MAX_POLICY_MS) {
            throw new InvalidRequestException(
                    "policy." + field + " must be a positive whole number of milliseconds up to " + MAX_POLICY_MS);
        }
        return value.longValue();
    }
}
