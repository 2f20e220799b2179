package com.storystudio.batch.simulator;

import java.util.List;

/**
 * A request path resolved to its route and path parameters.
 *
 * @param endpointId null for routes without one (/graphql, /videos)
 * @param jobId      null for routes without one; for /media, the file's name
 */
record RouteMatch(Route route, String endpointId, String jobId) {

    private static final String VIDEO_SUFFIX = ".mp4";

    static RouteMatch of(String path) {
        List<String> parts = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
        if (parts.equals(List.of("graphql"))) {
            return new RouteMatch(Route.GRAPHQL, null, null);
        }
        if (parts.size() == 2 && parts.get(0).equals("videos") && parts.get(1).endsWith(VIDEO_SUFFIX)) {
            String file = parts.get(1);
            return new RouteMatch(Route.VIDEO, null, file.substring(0, file.length() - VIDEO_SUFFIX.length()));
        }
        if (parts.size() == 2 && parts.get(0).equals("media")) {
            return new RouteMatch(Route.MEDIA, null, parts.get(1));
        }
        if (parts.size() < 3 || !parts.get(0).equals("v2")) {
            return unknown();
        }
        String endpointId = parts.get(1);
        String action = parts.get(2);
        if (parts.size() == 3) {
            // "serverless" is RunPod's management resource, so it is never taken for an endpoint id.
            if (endpointId.equals("serverless")) {
                return new RouteMatch(Route.MANAGEMENT, action, null);
            }
            return switch (action) {
                case "run" -> new RouteMatch(Route.RUN, endpointId, null);
                case "health" -> new RouteMatch(Route.HEALTH, endpointId, null);
                case "purge-queue" -> new RouteMatch(Route.PURGE_QUEUE, endpointId, null);
                default -> unknown();
            };
        }
        if (parts.size() == 4) {
            String jobId = parts.get(3);
            return switch (action) {
                case "status" -> new RouteMatch(Route.STATUS, endpointId, jobId);
                case "cancel" -> new RouteMatch(Route.CANCEL, endpointId, jobId);
                case "retry" -> new RouteMatch(Route.RETRY, endpointId, jobId);
                default -> unknown();
            };
        }
        return unknown();
    }

    private static RouteMatch unknown() {
        return new RouteMatch(Route.UNKNOWN, null, null);
    }
}
