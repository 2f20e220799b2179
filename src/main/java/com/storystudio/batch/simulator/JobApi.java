package com.storystudio.batch.simulator;

import tools.jackson.databind.node.ObjectNode;

/** RunPod's job routes under /v2/{endpointId}/: run, status, cancel, retry, health, purge-queue. */
final class JobApi {

    private static final String JOB_NOT_FOUND = "job not found";

    private final EndpointSimulation simulation;
    private final JobRequestParser parser;
    private final FaultInjector faults;
    private final RequestCounters counters;
    private final JsonCodec json;

    JobApi(EndpointSimulation simulation, JobRequestParser parser, FaultInjector faults, RequestCounters counters,
           JsonCodec json) {
        this.simulation = simulation;
        this.parser = parser;
        this.faults = faults;
        this.counters = counters;
        this.json = json;
    }

    HttpReply run(ApiRequest request) {
        String id = simulation.submit(parser.parse(request.body()));
        if (faults.loseRunResponse()) {
            // The job exists and is queued; only the client never learns its id (RunPod has no idempotency key).
            counters.increment(Counter.LOST_RUN_RESPONSES);
            return HttpReply.dropped();
        }
        return json.reply(200, json.object().put("id", id).put("status", JobStatus.IN_QUEUE.name()));
    }

    HttpReply status(ApiRequest request) {
        return simulation.status(request.match().jobId())
                .map(view -> json.reply(200, statusBody(view)))
                .orElseGet(() -> json.error(404, JOB_NOT_FOUND));
    }

    HttpReply cancel(ApiRequest request) {
        return simulation.cancel(request.match().jobId())
                .map(view -> json.reply(200, json.object().put("id", view.id()).put("status", view.status().name())))
                .orElseGet(() -> json.error(404, JOB_NOT_FOUND));
    }

    HttpReply retry(ApiRequest request) {
        String id = request.match().jobId();
        return switch (simulation.retry(id)) {
            case RETRIED -> json.reply(200, json.object().put("id", id).put("status", JobStatus.IN_QUEUE.name()));
            case NOT_FOUND -> json.error(404, JOB_NOT_FOUND);
            case NOT_RETRYABLE -> json.error(400,
                    "only FAILED or TIMED_OUT jobs whose result has not expired can be retried");
        };
    }

    HttpReply health(ApiRequest request) {
        HealthView health = simulation.health();
        ObjectNode body = json.object();
        body.putObject("jobs")
                .put("completed", health.completed())
                .put("failed", health.failed())
                .put("inProgress", health.inProgress())
                .put("inQueue", health.inQueue())
                .put("retried", health.retried());
        body.putObject("workers")
                .put("idle", health.idleWorkers())
                .put("initializing", health.initializingWorkers())
                .put("running", health.runningWorkers())
                .put("throttled", 0)
                .put("unhealthy", 0);
        return json.reply(200, body);
    }

    HttpReply purgeQueue(ApiRequest request) {
        int removed = simulation.purgeQueue();
        return json.reply(200, json.object().put("removed", removed).put("status", "completed"));
    }

    private ObjectNode statusBody(JobView view) {
        ObjectNode body = json.object()
                .put("id", view.id())
                .put("status", view.status().name())
                .put("delayTime", view.delayMs())
                .put("executionTime", view.executionMs());
        JobOutput output = view.output();
        if (output != null) {
            body.putObject("output")
                    .put("video_url", output.videoUrl())
                    .put("generation_time", output.generationTimeSeconds())
                    .put("video_size_mb", output.videoSizeMb())
                    .put("resolution", output.resolution())
                    .put("sample_steps", output.sampleSteps());
        }
        if (view.error() != null) {
            body.put("error", view.error());
        }
        return body;
    }
}
