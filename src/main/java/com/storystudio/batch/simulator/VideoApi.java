package com.storystudio.batch.simulator;

/** GET /videos/{jobId}.mp4: the "uploaded" result of a completed job. Needs no API key, like a public URL. */
final class VideoApi {

    private final EndpointSimulation simulation;
    private final JsonCodec json;

    VideoApi(EndpointSimulation simulation, JsonCodec json) {
        this.simulation = simulation;
        this.json = json;
    }

    HttpReply handle(ApiRequest request) {
        String jobId = request.match().jobId();
        return simulation.hasVideo(jobId)
                ? HttpReply.of(200, "video/mp4", FakeMp4.forJob(jobId))
                : json.error(404, "video not found");
    }
}
