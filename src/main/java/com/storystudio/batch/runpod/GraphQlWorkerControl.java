package com.storystudio.batch.runpod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's GraphQL {@code updateEndpoint} mutation and {@code endpoint} query at
 * {@code {base-url}/graphql}. The endpoint id travels as a GraphQL variable, never inside the query
 * text; the numbers are written from ints, so nothing user-supplied is ever pasted into it.
 */
public class GraphQlWorkerControl implements WorkerControl {

    private static final String READ = """
            query Endpoint($id: String!) { endpoint(id: $id) { id workersMin workersMax idleTimeout } }""";

    private static final Pattern KEY_REFUSED = Pattern.compile("unauthori[sz]ed|unauthenticated|forbidden|not authori[sz]ed",
            Pattern.CASE_INSENSITIVE);

    private final RunPodConnection connection;
    private final RunPodHttp http;

    public GraphQlWorkerControl(RunPodConnection connection, RunPodHttp http) {
        this.connection = connection;
        this.http = http;
    }

    @Override
    public Optional<WorkerSettings> read() {
        JsonNode endpoint = call("GraphQL endpoint query", READ).path("endpoint");
        return endpoint.isObject() ? Optional.of(settingsOf(endpoint)) : Optional.empty();
    }

    @Override
    public WorkerSettings apply(WorkerSettings change) {
        List<String> fields = new ArrayList<>(List.of("id: $id"));
        if (change.workersMin() != null) {
            // Written out even when 0: dropping a zero would leave a paid worker running.
            fields.add("workersMin: " + change.workersMin().intValue());
        }
        if (change.idleTimeoutSeconds() != null) {
            fields.add("idleTimeout: " + change.idleTimeoutSeconds().intValue());
        }
        String mutation = "mutation UpdateEndpoint($id: String!) { updateEndpoint(input: { %s }) { id workersMin idleTimeout } }"
                .formatted(String.join(", ", fields));
        JsonNode updated = call("GraphQL updateEndpoint", mutation).path("updateEndpoint");
        if (!updated.isObject()) {
            throw new RunPodException("GraphQL updateEndpoint answered without the endpoint");
        }
        return settingsOf(updated);
    }

    @Override
    public String describe() {
        return "GraphQL updateEndpoint";
    }

    private JsonNode call(String operation, String query) {
        ObjectNode body = http.json().createObjectNode();
        body.put("query", query);
        body.putObject("variables").put("id", connection.endpointId());
        JsonNode answer = http.post(RunPodRoute.MANAGEMENT, operation, connection.graphQlUri(), body).body();
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(error -> messages.add(error.path("message").asString(error.toString())));
            // GraphQL reports a refused key in a 200 answer: as much a configuration error as a 401.
            Optional<String> refusal = messages.stream().filter(message -> KEY_REFUSED.matcher(message).find()).findFirst();
            if (refusal.isPresent()) {
                throw RunPodConfigurationException.keyRefusedByGraphQl(RunPodConnection.printable(connection.graphQlUri()), refusal.get());
            }
            throw new RunPodException(operation + " failed: " + String.join("; ", messages));
        }
        return answer.path("data");
    }

    private static WorkerSettings settingsOf(JsonNode endpoint) {
        return new WorkerSettings(JsonFields.integer(endpoint, "workersMin"), JsonFields.integer(endpoint, "idleTimeout"),
                JsonFields.integer(endpoint, "workersMax"));
    }
}
