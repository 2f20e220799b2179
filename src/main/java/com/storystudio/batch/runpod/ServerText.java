package com.storystudio.batch.runpod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Text that came from a server, made safe to print. Some gateways and debug workers echo the request's
 * headers back in their answers, Authorization included; whatever the client keeps of an answer ends
 * up in exception messages, logs, the ledger and the results, so the key is masked as the answer
 * arrives in {@link RunPodHttp}, before any of it leaves this package. Masking the key itself also
 * masks {@code Bearer <key>}.
 */
final class ServerText {

    static final String MASK = "****";

    /** Null when there is no key to hide. */
    private final String secret;

    ServerText(ApiKey key) {
        this.secret = key == null || key.isBlank() ? null : key.value();
    }

    String clean(String text) {
        return text == null || secret == null ? text : text.replace(secret, MASK);
    }

    /**
     * Masks the key in every string value and property name of a parsed answer, in place. The tree is
     * cleaned after parsing, not the raw text, so that a key written with JSON escapes is found too.
     */
    JsonNode clean(JsonNode node) {
        if (secret == null) {
            return node;
        }
        if (node instanceof ObjectNode object) {
            cleanObject(object);
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isString()) {
                    array.set(i, clean(element.stringValue()));
                }
                else {
                    clean(element);
                }
            }
        }
        return node;
    }

    private void cleanObject(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(object.properties());
        for (Map.Entry<String, JsonNode> property : properties) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            JsonNode cleaned = value.isString() ? object.stringNode(clean(value.stringValue())) : clean(value);
            String cleanName = clean(name);
            if (!cleanName.equals(name)) {
                object.remove(name);
            }
            object.set(cleanName, cleaned);
        }
    }
}
