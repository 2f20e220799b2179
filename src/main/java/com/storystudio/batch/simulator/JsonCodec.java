package com.storystudio.batch.simulator;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The simulator's own JSON handling: Jackson trees with the literal field names of RunPod's wire format. */
final class JsonCodec {

    private static final String CONTENT_TYPE = "application/json";

    private final JsonMapper mapper;

    JsonCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Parses a request body that must be one JSON object. */
    ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException("request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException("request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    String write(JsonNode node) {
        return mapper.writeValueAsString(node);
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    HttpReply reply(int status, JsonNode body) {
        return HttpReply.of(status, CONTENT_TYPE, mapper.writeValueAsBytes(body));
    }

    HttpReply error(int status, String message) {
        return reply(status, object().put("error", message));
    }
}
