package com.storystudio.batch.runpod;

/**
 * RunPod answered in a way every request of the run would get: the key was refused (401/403), or the
 * URL called does not exist (404, or 400 before any job was accepted: a wrong base URL, a missing
 * {@code /v2}, a wrong endpoint id). A configuration error of the run, not a failure of a scene:
 * the run stops at once and nothing more is sent. The message names the URL called and what to check,
 * never the key.
 */
public class RunPodConfigurationException extends RunPodRejectedException {

    public RunPodConfigurationException(int status, String message) {
        super(status, message);
    }

    /** A refused key: what to check is the same wherever it was refused. */
    public static RunPodConfigurationException keyRefused(int status, String method, String url) {
        return new RunPodConfigurationException(status, ("RunPod refused the API key (HTTP %d on %s %s): check RUNPOD_API_KEY "
                + "(or --runpod.api-key) and the endpoint id (RUNPOD_ENDPOINT_ID or --runpod.endpoint-id)").formatted(status, method, url));
    }

    /** The URL called is not an endpoint's: the base URL, its {@code /v2} or the endpoint id is wrong. */
    public static RunPodConfigurationException wrongAddress(int status, String method, String url, String answer) {
        return new RunPodConfigurationException(status, ("RunPod answered HTTP %d to %s %s (%s): check --runpod.base-url "
                + "(RUNPOD_BASE_URL; the API's root, such as https://api.runpod.ai, without /v2) and the endpoint id "
                + "(RUNPOD_ENDPOINT_ID or --runpod.endpoint-id)").formatted(status, method, url, answer));
    }
}
