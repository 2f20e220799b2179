package com.storystudio.batch.runpod;

import java.util.Locale;

/**
 * RunPod answered in a way every request of the run would get: the key was refused (401/403), or the
 * URL called does not exist (404, or 400 before any job was accepted: a wrong base URL, a missing
 * {@code /v2}, a wrong endpoint id). A configuration error of the run, not a failure of a scene:
 * the run stops at once and nothing more is sent. The message names the URL called and what to check,
 * never the key.
 */
public class RunPodConfigurationException extends RunPodRejectedException {

    private static final String CHECK_KEY = ": check RUNPOD_API_KEY (or --runpod.api-key) and the endpoint id "
            + "(RUNPOD_ENDPOINT_ID or --runpod.endpoint-id)";

    public RunPodConfigurationException(int status, String message) {
        super(status, message);
    }

    /** A refused key: what to check is the same wherever it was refused. */
    public static RunPodConfigurationException keyRefused(int status, String method, String url) {
        return new RunPodConfigurationException(status, "RunPod refused the API key (HTTP %d on %s %s)".formatted(status, method, url)
                + CHECK_KEY);
    }

    /**
     * The GraphQL API answered 200 with an error that refuses the key: the same mistake as a 401, and
     * reported as one ({@link #status()} 401, or 403 for "forbidden").
     */
    public static RunPodConfigurationException keyRefusedByGraphQl(String url, String error) {
        int status = error.toLowerCase(Locale.ROOT).contains("forbidden") ? 403 : 401;
        return new RunPodConfigurationException(status, "RunPod refused the API key (GraphQL error \"%s\" on POST %s)".formatted(error, url)
                + CHECK_KEY);
    }

    /** The URL called is not an endpoint's: the base URL, its {@code /v2} or the endpoint id is wrong. */
    public static RunPodConfigurationException wrongAddress(int status, String method, String url, String answer) {
        return new RunPodConfigurationException(status, ("RunPod answered HTTP %d to %s %s (%s): check --runpod.base-url "
                + "(RUNPOD_BASE_URL; the API's root, such as https://api.runpod.ai, without /v2) and the endpoint id "
                + "(RUNPOD_ENDPOINT_ID or --runpod.endpoint-id)").formatted(status, method, url, answer));
    }
}
