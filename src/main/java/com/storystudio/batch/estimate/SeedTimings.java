package com.storystudio.batch.estimate;

/**
 * The timings the API document publishes, for an endpoint without history: "~60 sec for worker start",
 * "~10-15 min for model load (first job)" and "~2-3 min each with warm model". The document's videos are
 * 480p with 20 steps (its defaults and its sample output) and it does not say how long their audio is: a
 * video is taken as one 5-second clip, as the built-in emulator takes it, so 2-3 min per clip.
 */
final class SeedTimings {

    static final String SOURCE = "from the published timings";

    /** GPU seconds per work unit (a rendered second at 480p, 20 steps): 120, 150 and 180 s per 5-second clip. */
    static final Span RATE = new Span(120 / WorkUnits.CLIP_SECONDS, 150 / WorkUnits.CLIP_SECONDS, 180 / WorkUnits.CLIP_SECONDS);

    static final Span MODEL_LOAD_SECONDS = new Span(600, 750, 900);

    static final double WORKER_START_SECONDS = 60;

    private SeedTimings() {
    }
}
