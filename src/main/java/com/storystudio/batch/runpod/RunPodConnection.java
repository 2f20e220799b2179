package com.storystudio.batch.runpod;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where and as whom the client talks to RunPod: the real cloud, another emulator, or the built-in
 * simulator. Job routes live under {@code baseUrl/v2}, the seed's GraphQL at {@code baseUrl/graphql},
 * the REST successor for scaling at {@code managementUrl/v2/serverless}.
 */
public record RunPodConnection(URI baseUrl, URI managementUrl, String endpointId, ApiKey apiKey) {

    /**
     * The endpoint, when one is configured: part of a run's identity, so the commands that look runs up in the job
     * database (report, show, abandon, ...) narrow to it, and without one take any endpoint's run.
     */
    public Optional<String> configuredEndpoint() {
        return Optional.ofNullable(endpointId).filter(id -> !id.isBlank());
    }

    /** What is missing before a run may start; empty when the connection is usable. */
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (configuredEndpoint().isEmpty()) {
            missing.add("the RunPod endpoint id (RUNPOD_ENDPOINT_ID or --runpod.endpoint-id)");
        }
        if (apiKey == null || apiKey.isBlank()) {
            missing.add("the RunPod API key (RUNPOD_API_KEY or --runpod.api-key)");
        }
        return missing;
    }

    URI jobsUri(String path) {
        return resolve(baseUrl, "/v2/" + endpointId + path);
    }

    URI graphQlUri() {
        return resolve(baseUrl, "/graphql");
    }

    URI managementUri() {
        return resolve(managementUrl, "/v2/serverless/" + endpointId);
    }

    /** A URL as it may be printed: without user info, query or fragment, where a secret could hide. */
    static String printable(URI uri) {
        StringBuilder text = new StringBuilder();
        if (uri.getScheme() != null) {
            text.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            text.append(uri.getHost());
        }
        if (uri.getPort() != -1) {
            text.append(':').append(uri.getPort());
        }
        return text.append(uri.getRawPath() == null ? "" : uri.getRawPath()).toString();
    }

    private static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }
}
