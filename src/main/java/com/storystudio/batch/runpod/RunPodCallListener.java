package com.storystudio.batch.runpod;

import java.util.Locale;

/**
 * Told of every HTTP attempt the client makes and of every retry it decides on, so that what RunPod
 * answered can be counted (metrics) without the client knowing who counts. Called on the calling
 * thread; an implementation must be quick and must not throw.
 */
public interface RunPodCallListener {

    /** Counts nothing: the client on its own, in tests and tools. */
    RunPodCallListener NONE = new RunPodCallListener() {
        @Override
        public void attempted(RunPodRoute route, Outcome outcome) {
        }

        @Override
        public void retrying(RunPodRoute route) {
        }
    };

    void attempted(RunPodRoute route, Outcome outcome);

    /** A transient failure is followed by another attempt of the same call. */
    void retrying(RunPodRoute route);

    /** What one attempt got, in few enough words to be a metric's tag. */
    enum Outcome {
        /** A 2xx answer with a JSON body. */
        ANSWERED,
        /** 4xx other than 401, 403 and 429: the request itself was refused. */
        REJECTED,
        /** 401 or 403: the key or the address. */
        REFUSED,
        /** 429. */
        RATE_LIMITED,
        /** 5xx. */
        SERVER_ERROR,
        /** A 2xx whose body was not JSON (a gateway's page). */
        NOT_JSON,
        /** No connection could be made. */
        UNREACHABLE,
        /** Sent, but no answer came (timeout, connection broken). */
        NO_ANSWER;

        /** The tag's value: {@code rate_limited}. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
