package com.storystudio.batch.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A bare HTTP client for the simulator's wire API, so tests see exactly what a real client would. */
final class SimulatorClient {

    static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    static final String WAV_BASE64 = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=";

    /**
     * Extra /run fields giving an hour of execution: RunPod's 10 min default cuts a cold first job
     * (model load 600 s + clip 150 s), as it would on the real service.
     */
    static final String LONG_TIMEOUT = ",\"policy\":{\"executionTimeout\":3600000}";

    private final RunPodSimulator simulator;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final JsonMapper mapper = JsonMapper.builder().build();

    SimulatorClient(RunPodSimulator simulator) {
        this.simulator = simulator;
    }

    static String validInput() {
        return "{\"image\":\"https://example.com/character.png\",\"audio\":\"https://example.com/speech.mp3\","
                + "\"prompt\":\"Person speaking naturally\",\"resolution\":\"480p\",\"sample_steps\":20}";
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(authorized(path).GET());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(authorized(path).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> patch(String path, String body) throws IOException, InterruptedException {
        return send(authorized(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return http.send(request.build(), body);
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).timeout(Duration.ofSeconds(5));
    }

    HttpRequest.Builder authorized(String path) {
        return request(path)
                .header("Authorization", "Bearer " + simulator.apiKey())
                .header("Content-Type", "application/json");
    }

    /** POST /run with the given input object; returns the job id. */
    String submit(String inputJson) throws IOException, InterruptedException {
        return submit(inputJson, "");
    }

    String submit(String inputJson, String extraFields) throws IOException, InterruptedException {
        HttpResponse<String> response = post(jobPath("run"), "{\"input\":" + inputJson + extraFields + "}");
        if (response.statusCode() != 200) {
            throw new AssertionError("run answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("id").stringValue();
    }

    JsonNode status(String jobId) throws IOException, InterruptedException {
        return json(get(jobPath("status/" + jobId)));
    }

    JsonNode graphql(String query, String variablesJson) throws IOException, InterruptedException {
        String body = "{\"query\":" + mapper.writeValueAsString(query)
                + (variablesJson == null ? "" : ",\"variables\":" + variablesJson) + "}";
        HttpResponse<String> response = post("/graphql", body);
        if (response.statusCode() != 200) {
            throw new AssertionError("graphql answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    String jobPath(String rest) {
        return "/v2/" + simulator.endpointId() + "/" + rest;
    }

    JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    JsonNode parse(String json) {
        return mapper.readTree(json);
    }
}
