package com.storystudio.batch.generation;

import java.util.Optional;

import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodRejectedException;

/**
 * Tells a refused {@code /run} that every request of the run would get (a configuration error: stop, fail no
 * scene) from one about the scene's own request. A refused key is the run's; so is a 404, since no endpoint
 * answers a well-formed {@code /run} with one; and so is a 400 or 405 before any job of the run was accepted,
 * which is what a wrong base URL or a missing {@code /v2} gets from whatever server is there instead.
 */
final class RunRefusal {

    private RunRefusal() {
    }

    /**
     * @param anyAccepted whether RunPod accepted a job of this run: the address was right then, and a 400 is the scene's
     * @param runUrl      where the refused {@code /run} went, named in the error
     * @return the configuration error to end the step with; empty when only the scene fails
     */
    static Optional<RunPodConfigurationException> configurationError(RunPodRejectedException e, boolean anyAccepted, String runUrl) {
        if (e instanceof RunPodConfigurationException configuration) {
            return Optional.of(configuration); // a refused key: RunPodHttp says so for every route
        }
        if (e.isNotFound() || (!anyAccepted && (e.status() == 400 || e.status() == 405))) {
            return Optional.of(RunPodConfigurationException.wrongAddress(e.status(), "POST", runUrl, answerIn(e)));
        }
        return Optional.empty();
    }

    /** The server's own text in a rejection ("POST /path answered HTTP 404: text"), or else the whole message. */
    private static String answerIn(RunPodRejectedException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(colon + 2);
    }
}
