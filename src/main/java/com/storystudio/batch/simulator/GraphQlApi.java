package com.storystudio.batch.simulator;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /graphql: the seed's {@code updateEndpoint(input: {...})} mutation and {@code endpoint(id: ...)} query.
 * Like any GraphQL server it answers request errors with HTTP 200 and an {@code errors} array.
 */
final class GraphQlApi {

    private static final Set<String> UPDATE_INPUT_FIELDS = Set.of("id", "workersMin", "workersMax", "idleTimeout");
    /** GraphQL type names of the object fields, for error messages that read like a real server's. */
    private static final Map<String, String> OBJECT_TYPES = Map.of("workers", "Worker");

    private final EndpointSimulation simulation;
    private final GraphQlParser parser;
    private final String endpointId;
    private final JsonCodec json;

    GraphQlApi(EndpointSimulation simulation, GraphQlParser parser, String endpointId, JsonCodec json) {
        this.simulation = simulation;
        this.parser = parser;
        this.endpointId = endpointId;
        this.json = json;
    }

    HttpReply handle(ApiRequest request) {
        try {
            ObjectNode body = json.parseObject(request.body());
            JsonNode query = body.get("query");
            if (query == null || !query.isString()) {
                throw new GraphQlException("request must contain a \"query\" string");
            }
            GraphQlOperation operation = parser.parse(query.stringValue());
            JsonNode variables = variables(operation, body.get("variables"));
            ObjectNode data = json.object();
            for (GraphQlField field : operation.selection()) {
                data.set(field.name(), execute(operation.type(), field, variables));
            }
            return json.reply(200, json.object().set("data", data));
        } catch (GraphQlException | InvalidRequestException | IllegalArgumentException e) {
            ObjectNode errors = json.object();
            errors.putArray("errors").addObject().put("message", e.getMessage());
            errors.putNull("data");
            return json.reply(200, errors);
        }
    }

    /** The request's variables over the defaults declared in the operation header. */
    private JsonNode variables(GraphQlOperation operation, JsonNode given) {
        if (given != null && !given.isNull() && !given.isObject()) {
            throw new GraphQlException("\"variables\" must be an object");
        }
        ObjectNode variables = json.object();
        operation.variableDefaults().forEach((name, value) -> variables.set(name, value.resolve(json.object())));
        if (given != null && given.isObject()) {
            variables.setAll((ObjectNode) given);
        }
        return variables;
    }

    private JsonNode execute(String operationType, GraphQlField field, JsonNode variables) {
        if (operationType.equals("mutation") && field.name().equals("updateEndpoint")) {
            return project(field, endpointJson(updateEndpoint(field, variables)), "Endpoint");
        }
        if (operationType.equals("query") && field.name().equals("endpoint")) {
            requireKnownEndpoint(argument(field, "id", variables));
            return project(field, endpointJson(simulation.endpoint()), "Endpoint");
        }
        String rootType = operationType.equals("mutation") ? "Mutation" : "Query";
        throw new GraphQlException("Cannot query field \"" + field.name() + "\" on type \"" + rootType + "\"");
    }

    private EndpointView updateEndpoint(GraphQlField field, JsonNode variables) {
        JsonNode input = argument(field, "input", variables);
        if (!input.isObject()) {
            throw new GraphQlException("updateEndpoint needs an \"input\" object");
        }
        for (String name : input.propertyNames()) {
            if (!UPDATE_INPUT_FIELDS.contains(name)) {
                throw new GraphQlException("Field \"" + name + "\" is not defined by type \"EndpointInput\"");
            }
        }
        requireKnownEndpoint(input.path("id"));
        simulation.update(EndpointUpdate.fromJson(input, "workersMin", "workersMax", "idleTimeout"));
        return simulation.endpoint();
    }

    private static JsonNode argument(GraphQlField field, String name, JsonNode variables) {
        GraphQlValue value = field.arguments().get(name);
        JsonNode resolved = value == null ? null : value.resolve(variables);
        if (resolved == null || resolved.isMissingNode() || resolved.isNull()) {
            throw new GraphQlException("Field \"" + field.name() + "\" argument \"" + name + "\" is required");
        }
        return resolved;
    }

    private void requireKnownEndpoint(JsonNode id) {
        if (!id.isString()) {
            throw new GraphQlException("endpoint id must be a string");
        }
        if (!id.stringValue().equals(endpointId)) {
            throw new GraphQlException("Endpoint not found: " + id.stringValue());
        }
    }

    private ObjectNode endpointJson(EndpointView view) {
        EndpointConfig config = view.config();
        ObjectNode endpoint = json.object()
                .put("id", endpointId)
                .put("name", endpointId)
                .put("workersMin", config.workersMin())
                .put("workersMax", config.workersMax())
                .put("idleTimeout", config.idleTimeoutSeconds());
        ArrayNode workers = endpoint.putArray("workers");
        view.workers().forEach(worker -> workers.addObject().put("id", worker.id()).put("status", worker.status()));
        return endpoint;
    }

    /** Keeps only what the selection set asks for, refusing unknown fields as a GraphQL server would. */
    private JsonNode project(GraphQlField field, JsonNode value, String type) {
        if (value.isArray()) {
            ArrayNode items = json.array();
            value.forEach(item -> items.add(project(field, item, type)));
            return items;
        }
        if (!value.isObject()) {
            if (!field.selection().isEmpty()) {
                throw new GraphQlException("Field \"" + field.name() + "\" must not have a selection since it is a scalar");
            }
            return value;
        }
        if (field.selection().isEmpty()) {
            throw new GraphQlException("Field \"" + field.name() + "\" of type \"" + type
                    + "\" must have a selection of subfields");
        }
        ObjectNode projected = json.object();
        for (GraphQlField selected : field.selection()) {
            JsonNode child = value.get(selected.name());
            if (selected.name().equals("__typename")) {
                projected.put("__typename", type);
            } else if (child == null) {
                throw new GraphQlException("Cannot query field \"" + selected.name() + "\" on type \"" + type + "\"");
            } else {
                projected.set(selected.name(),
                        project(selected, child, OBJECT_TYPES.getOrDefault(selected.name(), type)));
            }
        }
        return projected;
    }
}
