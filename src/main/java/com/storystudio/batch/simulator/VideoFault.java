package com.storystudio.batch.simulator;

/** What can go wrong with a GET of a video, as the storage behind a worker's {@code video_url} may fail. */
public enum VideoFault {
    NONE,
    /** The connection closes a few bytes into the body. */
    RESET_MID_BODY,
    /** HTTP 500 instead of the video. */
    HTTP_500,
    /** The full length is announced, most of the body sent, then the connection closes. */
    TRUNCATED
}
