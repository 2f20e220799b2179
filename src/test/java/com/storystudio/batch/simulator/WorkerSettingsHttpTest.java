package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's GraphQL worker settings and RunPod's REST successor, over real HTTP. */
class WorkerSettingsHttpTest {

    private final ManualClock clock = new ManualClock();
    private RunPodSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = RunPodSimulator.start(SimulatorSettings.defaults(), clock);
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void seedsEnableAndDisableMutationsWithLiteralArgumentsChangeTheEndpoint() throws Exception {
        JsonNode enabled = client.graphql("mutation { updateEndpoint(input: { id: \"sim-endpoint\", workersMin: 1, "
                + "idleTimeout: 300 }) { id workersMin idleTimeout } }", null);
        JsonNode endpoint = enabled.get("data").get("updateEndpoint");
        assertThat(endpoint.get("id").stringValue()).isEqualTo("sim-endpoint");
        assertThat(endpoint.get("workersMin").intValue()).isEqualTo(1);
        assertThat(endpoint.get("idleTimeout").intValue()).isEqualTo(300);
        assertThat(enabled.has("errors")).isFalse();
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(1, 3, 300));

        // The seed's JavaScript version: a template literal spread over lines.
        JsonNode disabled = client.graphql("""
                mutation {
                        updateEndpoint(input: {
                          id: "sim-endpoint",
                          workersMin: 0
                        }) {
                          id
                          workersMin
                        }
                      }""", null);
        assertThat(disabled.get("data").get("updateEndpoint").get("workersMin").intValue()).isZero();
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(0, 3, 300));
        SimulatorStats stats = simulator.stats();
        assertThat(stats.workersMinHistory()).containsExactly(0, 1, 0);
        assertThat(stats.graphqlRequests()).isEqualTo(2);
    }

    @Test
    void mutationTakesItsArgumentsFromVariablesAndLeavesUnsetOnesAlone() throws Exception {
        String mutation = """
                mutation UpdateEndpoint($id: String!, $workersMin: Int, $idleTimeout: Int) {
                  updateEndpoint(input: {id: $id, workersMin: $workersMin, idleTimeout: $idleTimeout}) {
                    id workersMin workersMax idleTimeout
                  }
                }""";
        JsonNode first = client.graphql(mutation, "{\"id\":\"sim-endpoint\",\"workersMin\":2,\"idleTimeout\":120}");
        assertThat(first.get("data").get("updateEndpoint").get("workersMax").intValue()).isEqualTo(3);
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(2, 3, 120));

        client.graphql(mutation, "{\"id\":\"sim-endpoint\",\"workersMin\":0}");
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(0, 3, 120));

        String wholeInput = "mutation($input: EndpointInput!) { updateEndpoint(input: $input) { workersMin } }";
        client.graphql(wholeInput, "{\"input\":{\"id\":\"sim-endpoint\",\"workersMin\":1}}");
        assertThat(simulator.endpoint().workersMin()).isEqualTo(1);
        assertThat(simulator.stats().workersMinHistory()).containsExactly(0, 2, 0, 1);
    }

    @Test
    void endpointQueryShowsSettingsAndWorkersInitializingThenRunning() throws Exception {
        simulator.setEndpoint(new EndpointConfig(1, 3, 300));
        String query = "query { endpoint(id: \"sim-endpoint\") { id name workersMin workersMax idleTimeout "
                + "workers { id status } } }";

        JsonNode starting = client.graphql(query, null).get("data").get("endpoint");
        assertThat(starting.get("workersMin").intValue()).isEqualTo(1);
        assertThat(starting.get("workersMax").intValue()).isEqualTo(3);
        assertThat(starting.get("idleTimeout").intValue()).isEqualTo(300);
        assertThat(starting.get("name").stringValue()).isNotBlank();
        assertThat(starting.get("workers")).hasSize(1);
        assertThat(starting.get("workers").get(0).get("status").stringValue()).isEqualTo("INITIALIZING");

        clock.setSeconds(60);
        JsonNode ready = client.graphql("query Endpoint($id: String!) {\n endpoint(id: $id) {\n workers {\n status\n"
                + " }\n }\n}", "{\"id\":\"sim-endpoint\"}").get("data").get("endpoint");
        assertThat(ready.get("workers").get(0).get("status").stringValue()).isEqualTo("RUNNING");
        assertThat(ready.has("workersMin")).isFalse();
    }

    @Test
    void graphQlErrorsAreAnsweredWith200AndAnErrorsArray() throws Exception {
        assertGraphQlError(client.graphql("query { endpoint(id: \"someone-else\") { id } }", null), "someone-else");
        assertGraphQlError(client.graphql("mutation { updateEndpoint(input: { id: \"nope\", workersMin: 1 }) { id } }",
                null), "nope");
        assertGraphQlError(client.graphql("mutation { updateEndpoint(input: { id: \"sim-endpoint\" ", null),
                "Syntax Error");
        assertGraphQlError(client.graphql("mutation { saveEndpoint(input: { id: \"sim-endpoint\" }) { id } }", null),
                "saveEndpoint");
        assertGraphQlError(client.graphql("query { endpoint(id: \"sim-endpoint\") { id gpuCount } }", null),
                "gpuCount");
        assertGraphQlError(client.graphql("mutation { updateEndpoint(input: { id: \"sim-endpoint\", workersMin: 9 }) "
                + "{ id } }", null), "workersMax");
        HttpResponse<String> notJson = client.post("/graphql", "query { endpoint }");
        assertThat(notJson.statusCode()).isEqualTo(200);
        assertGraphQlError(client.json(notJson), "JSON");
        assertThat(simulator.endpoint()).isEqualTo(new EndpointConfig(0, 3, 5));
    }

    @Test
    void restManagementPatchesOnlyTheGivenKeysAndReadsBack() throws Exception {
        String path = "/v2/serverless/" + simulator.endpointId();
        HttpResponse<String> patched = client.patch(path, "{\"workers\":{\"min\":1,\"idleTimeout\":300}}");
        assertThat(patched.statusCode()).isEqualTo(200);
        JsonNode body = client.json(patched);
        assertThat(body.get("id").stringValue()).isEqualTo("sim-endpoint");
        assertThat(body.get("workers").get("min").intValue()).isEqualTo(1);
        assertThat(body.get("workers").get("max").intValue()).isEqualTo(3);
        assertThat(body.get("workers").get("idleTimeout").intValue()).isEqualTo(300);

        client.patch(path, "{\"workers\":{\"min\":0}}");
        JsonNode read = client.json(client.get(path));
        assertThat(read.get("workers").get("min").intValue()).isZero();
        assertThat(read.get("workers").get("idleTimeout").intValue()).isEqualTo(300);

        assertThat(client.patch(path, "{\"workers\":{\"min\":\"one\"}}").statusCode()).isEqualTo(400);
        assertThat(client.patch(path, "{\"workers\":{\"min\":4}}").statusCode()).isEqualTo(400);
        assertThat(client.get("/v2/serverless/other").statusCode()).isEqualTo(404);
        SimulatorStats stats = simulator.stats();
        assertThat(stats.managementRequests()).isEqualTo(6);
        assertThat(stats.workersMinHistory()).containsExactly(0, 1, 0);
    }

    @Test
    void activeWorkerHeldForAWhileIsBilledAtLeastThatLongAndCostsItsGpuHours() throws Exception {
        client.graphql("mutation { updateEndpoint(input: { id: \"sim-endpoint\", workersMin: 1 }) { id } }", null);
        clock.setSeconds(3_600);
        client.graphql("mutation { updateEndpoint(input: { id: \"sim-endpoint\", workersMin: 0 }) { id } }", null);
        clock.setSeconds(7_200);

        SimulatorStats stats = simulator.stats();
        assertThat(stats.billedWorkerSeconds()).isGreaterThanOrEqualTo(3_600.0);
        assertThat(stats.billedWorkerSeconds())
                .isEqualTo(stats.executionSeconds() + stats.coldStartSeconds() + stats.idleWorkerSeconds());
        assertThat(stats.coldStartSeconds()).isEqualTo(60.0);
        assertThat(stats.idleWorkerSeconds()).isEqualTo(3_540.0);
        assertThat(stats.estimatedCostDollars()).isCloseTo(1.89, offset(1e-9));
    }

    private static void assertGraphQlError(JsonNode response, String messagePart) {
        assertThat(response.get("errors")).isNotEmpty();
        assertThat(response.get("errors").get(0).get("message").stringValue()).contains(messagePart);
        assertThat(response.get("data").isNull()).isTrue();
    }
}
