package com.storystudio.batch.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RunPod's REST successor of the GraphQL worker settings: GET and PATCH /v2/serverless/{endpointId}
 * with {@code {"workers":{"min":N,"max":N,"idleTimeout":S}}}. PATCH changes only the keys it is given.
 */
final class ManagementApi {

    private final EndpointSimulation simulation;
    private final JsonCodec json;

    ManagementApi(EndpointSimulation simulation, JsonCodec json) {
        this.simulation = simulation;
        this.json = json;
    }

    HttpReply handle(ApiRequest request) {
        EndpointConfig config = "PATCH".equals(request.method())
                ? patch(json.parseObject(request.body()))
                : simulation.endpoint().config();
        ObjectNode body = json.object().put("id", request.match().endpointId());
        body.putObject("workers")
                .put("min", config.workersMin())
                .put("max", config.workersMax())
                .put("idleTimeout", config.idleTimeoutSeconds());
        return json.reply(200, body);
    }

    private EndpointConfig patch(ObjectNode body) {
        JsonNode workers = body.get("workers");
        if (workers == null || workers.isNull()) {
            return simulation.endpoint().config();
        }
        if (!workers.isObject()) {
            throw new InvalidRequestException("\"workers\" must be an object");
        }
        try {
            return simulation.update(EndpointUpdate.fromJson(workers, "min", "max", "idleTimeout"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }
}
