package com.storystudio.batch.simulator;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An argument value as written in the query: a literal, a $variable, or a list/object of either. Resolving
 * against the request's variables yields plain JSON; an unset variable resolves to a missing node, so an
 * input field bound to it counts as not given (GraphQL's rule), which is not the same as an explicit null.
 */
sealed interface GraphQlValue {

    JsonNode resolve(JsonNode variables);

    record Literal(JsonNode value) implements GraphQlValue {
        @Override
        public JsonNode resolve(JsonNode variables) {
            return value;
        }
    }

    record Variable(String name) implements GraphQlValue {
        @Override
        public JsonNode resolve(JsonNode variables) {
            JsonNode value = variables.get(name);
            return value == null ? MissingNode.getInstance() : value;
        }
    }

    record ListValue(List<GraphQlValue> items) implements GraphQlValue {
        @Override
        public JsonNode resolve(JsonNode variables) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            items.forEach(item -> {
                JsonNode value = item.resolve(variables);
                array.add(value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
            });
            return array;
        }
    }

    record ObjectValue(Map<String, GraphQlValue> fields) implements GraphQlValue {
        @Override
        public JsonNode resolve(JsonNode variables) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            fields.forEach((name, field) -> {
                JsonNode value = field.resolve(variables);
                if (!value.isMissingNode()) {
                    object.set(name, value);
                }
            });
            return object;
        }
    }
}
