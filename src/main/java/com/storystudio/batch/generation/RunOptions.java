package com.storystudio.batch.generation;

/**
 * What one launch asked for.
 *
 * @param reuseEarlierVideos a scene whose exact content already has a video on this endpoint (from
 *                           any run, of any input) takes that video instead of paying again; off
 *                           with {@code --regenerate}
 * @param cancelOnStop       on a stop request, cancel the remote jobs in flight ({@code --cancel-on-stop})
 * @param download           fetch each finished video into {@code <output-dir>/videos} ({@code --download})
 */
public record RunOptions(boolean reuseEarlierVideos, boolean cancelOnStop, boolean download) {

    public RunOptions(boolean reuseEarlierVideos, boolean cancelOnStop) {
        this(reuseEarlierVideos, cancelOnStop, false);
    }
}
