package com.storystudio.batch.download;

/**
 * How a scene's download settled.
 *
 * @param videoFile the video's path relative to the output folder (see {@link VideoFile#relative()}) once it is on
 *                  disk whole; null when it could not be fetched
 * @param fetched   whether bytes were transferred (false: a whole file already there was kept)
 * @param problem   why it could not be fetched; null when it is on disk
 */
public record DownloadOutcome(String videoFile, boolean fetched, String problem) {

    static DownloadOutcome saved(VideoFile file) {
        return new DownloadOutcome(file.relative(), true, null);
    }

    static DownloadOutcome kept(VideoFile file) {
        return new DownloadOutcome(file.relative(), false, null);
    }

    static DownloadOutcome failed(String problem) {
        return new DownloadOutcome(null, false, problem);
    }

    public boolean onDisk() {
        return videoFile != null;
    }
}
