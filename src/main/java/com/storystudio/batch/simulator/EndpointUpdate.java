package com.storystudio.batch.simulator;

import tools.jackson.databind.JsonNode;

/**
 * A partial change of the endpoint's scaling settings: a null field is left as it is. Zero is a value, not
 * an absence, so {@code workersMin = 0} really turns the active worker off.
 */
record EndpointUpdate(Integer workersMin, Integer workersMax, Integer idleTimeoutSeconds) {

    /**
     * Reads an update from a JSON object; the GraphQL and REST APIs name the same three settings differently.
     * A missing or null key is no change; a present one must be a whole number.
     */
    static EndpointUpdate fromJson(JsonNode object, String minKey, String maxKey, String idleTimeoutKey) {
        return new EndpointUpdate(optionalInt(object, minKey), optionalInt(object, maxKey),
                optionalInt(object, idleTimeoutKey));
    }

    EndpointConfig applyTo(EndpointConfig current) {
        return new EndpointConfig(
                workersMin != null ? workersMin : current.workersMin(),
                workersMax != null ? workersMax : current.workersMax(),
                idleTimeoutSeconds != null ? idleTimeoutSeconds : current.idleTimeoutSeconds());
    }

    private static Integer optionalInt(JsonNode object, String key) {
        JsonNode value = object.get(key);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidRequestException("\"" + key + "\" must be a whole number, was " + value);
        }
        return value.intValue();
    }
}
