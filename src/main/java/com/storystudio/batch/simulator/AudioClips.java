package com.storystudio.batch.simulator;

import java.util.OptionalDouble;

/**
 * How many clips Wan2.2 S2V renders for an audio track. The video lasts as long as the audio, and the model
 * renders it in whole clips of 80 frames at 16 fps, 5 s each, so generation time grows in steps of one clip.
 * Audio whose length the emulator cannot read (a URL other than its own media, a format other than WAV) counts as one
 * clip, as every job did before audio length was modelled.
 */
public final class AudioClips {

    static final double CLIP_SECONDS = 5.0;
    static final int UNKNOWN_LENGTH = 1;

    /** {@code audio} is the decoded audio file (or the emulator's own media file), null for any other URL. */
    int count(byte[] audio) {
        if (audio == null) {
            return UNKNOWN_LENGTH;
        }
        OptionalDouble seconds = WavDuration.seconds(audio);
        return seconds.isPresent() ? forSeconds(seconds.getAsDouble()) : UNKNOWN_LENGTH;
    }

    /** Even silence, or a fraction of a clip, costs one whole clip. Public for the benchmark's expectations. */
    public static int forSeconds(double seconds) {
        double clips = Math.ceil(seconds / CLIP_SECONDS);
        return clips < 1 ? 1 : (int) Math.min(clips, Integer.MAX_VALUE);
    }
}
