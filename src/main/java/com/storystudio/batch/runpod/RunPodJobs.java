package com.storystudio.batch.runpod;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The job routes of a serverless endpoint: {@code /run}, {@code /status}, {@code /cancel}, {@code /health}. */
public class RunPodJobs {

    private final RunPodConnection connection;
    private final RunPodHttp http;

    public RunPodJobs(RunPodConnection connection, RunPodHttp http) {
        this.connection = connection;
        this.http = http;
    }

    public SubmittedJob submit(GenerationInput input, JobPolicy policy) {
        ObjectNode body = http.json().createObjectNode();
        ObjectNode in = body.putObject("input");
        in.put("image", input.image());
        in.put("audio", input.audio());
        if (input.prompt() != null && !input.prompt().isBlank()) {
            in.put("prompt", input.prompt());
        }
        in.put("resolution", input.resolution());
        in.put("sample_steps", input.sampleSteps());
        ObjectNode policyNode = body.putObject("policy");
        policyNode.put("executionTimeout", policy.executionTimeout().toMillis());
        policyNode.put("ttl", policy.ttl().toMillis());

        RunPodResponse response = http.post(RunPodRoute.RUN, "POST /run", connection.jobsUri("/run"), body);
        String id = JsonFields.text(response.body(), "id");
        if (id == null || id.isBlank()) {
            throw new RunPodException("POST /run answered without a job id: " + response.body());
        }
        return new SubmittedJob(id, RemoteStatus.parse(JsonFields.text(response.body(), "status")), response.unansweredAttempts());
    }

    /**
     * Where {@link #submit} posts, without user info or query: named in the message of a refusal that every
     * request of the run would get.
     */
    public String runUrl() {
        return RunPodConnection.printable(connection.jobsUri("/run"));
    }

    /** @throws RunPodRejectedException with {@link RunPodRejectedException#isNotFound()} once RunPod forgot the job */
    public JobStatus status(String jobId) {
        return toStatus(http.get(RunPodRoute.STATUS, "GET /status", connection.jobsUri("/status/" + jobId)).body());
    }

    public JobStatus cancel(String jobId) {
        return toStatus(http.post(RunPodRoute.CANCEL, "POST /cancel", connection.jobsUri("/cancel/" + jobId), http.json().createObjectNode()).body());
    }

    public EndpointHealth health() {
        JsonNode body = http.get(RunPodRoute.HEALTH, "GET /health", connection.jobsUri("/health")).body();
        JsonNode workers = body.path("workers");
        JsonNode jobs = body.path("jobs");
        return new EndpointHealth(workers.path("idle").asInt(0), workers.path("initializing").asInt(0),
                workers.path("running").asInt(0), jobs.path("inQueue").asInt(0), jobs.path("inProgress").asInt(0));
    }

    /** For messages: where {@code /health} is asked. */
    public String healthUrl() {
        return RunPodConnection.printable(connection.jobsUri("/health"));
    }

    private static JobStatus toStatus(JsonNode body) {
        String raw = JsonFields.text(body, "status");
        JsonNode out = body.path("output");
        JobOutput output = out.isObject()
                ? new JobOutput(JsonFields.text(out, "video_url"), inlineVideo(out), JsonFields.decimal(out, "generation_time"),
                        JsonFields.decimal(out, "video_size_mb"), JsonFields.text(out, "resolution"), JsonFields.integer(out, "sample_steps"))
                : null;
        return new JobStatus(JsonFields.text(body, "id"), RemoteStatus.parse(raw), raw, JsonFields.whole(body, "delayTime"),
                JsonFields.whole(body, "executionTime"), output, errorOf(body));
    }

    private static String inlineVideo(JsonNode output) {
        String video = JsonFields.text(output, "video");
        return video != null ? video : JsonFields.text(output, "video_b64");
    }

    /** RunPod puts the reason in {@code error}; some workers answer a string, some an object. */
    private static String errorOf(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isMissingNode() || error.isNull()) {
            return null;
        }
        return error.isString() ? error.stringValue() : error.toString();
    }
}
