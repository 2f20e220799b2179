package com.storystudio.batch.runpod;

import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RunPod's documented successor to the GraphQL mutation: {@code PATCH /v2/serverless/{id}} with
 * {@code {"workers":{"min":N,"idleTimeout":S}}} on the management URL. A true PATCH: fields left
 * out keep their values.
 */
public class RestWorkerControl implements WorkerControl {

    private final RunPodConnection connection;
    private final RunPodHttp http;

    public RestWorkerControl(RunPodConnection connection, RunPodHttp http) {
        this.connection = connection;
        this.http = http;
    }

    @Override
    public Optional<WorkerSettings> read() {
        return Optional.of(settingsOf(http.get(RunPodRoute.MANAGEMENT, "GET /v2/serverless", connection.managementUri()).body()));
    }

    @Override
    public WorkerSettings apply(WorkerSettings change) {
        ObjectNode body = http.json().createObjectNode();
        ObjectNode workers = body.putObject("workers");
        if (change.workersMin() != null) {
            workers.put("min", change.workersMin().intValue());
        }
        if (change.idleTimeoutSeconds() != null) {
            workers.put("idleTimeout", change.idleTimeoutSeconds().intValue());
        }
        return settingsOf(http.patch(RunPodRoute.MANAGEMENT, "PATCH /v2/serverless", connection.managementUri(), body).body());
    }

    @Override
    public String describe() {
        return "REST PATCH /v2/serverless";
    }

    /** Reads {@code workers.min|max|idleTimeout}, or flat {@code workersMin|workersMax|idleTimeout}. */
    private static WorkerSettings settingsOf(JsonNode endpoint) {
        JsonNode workers = endpoint.path("workers");
        Integer min = workers.isObject() ? JsonFields.integer(workers, "min") : null;
        Integer max = workers.isObject() ? JsonFields.integer(workers, "max") : null;
        Integer idle = workers.isObject() ? JsonFields.integer(workers, "idleTimeout") : null;
        return new WorkerSettings(min != null ? min : JsonFields.integer(endpoint, "workersMin"),
                idle != null ? idle : JsonFields.integer(endpoint, "idleTimeout"),
                max != null ? max : JsonFields.integer(endpoint, "workersMax"));
    }
}
