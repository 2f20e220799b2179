package com.storystudio.batch.result;

/**
 * One scene's final outcome: a row of the results table and of the results CSV.
 *
 * @param position    the scene's data row number in the input, for input-order output
 * @param attempts    remote jobs the scene was given, over all runs of this input
 * @param fingerprint content identity of the scene's inputs (see {@code SceneFingerprint})
 * @param reusedFrom  the RunPod job of an earlier run whose video this scene reuses (same content,
 *                    same endpoint), instead of paying for a new one; null when it was generated here
 * @param possibleDuplicates submissions of this scene whose answer never came (a lost response, a
 *                    crash mid-call): each may have made RunPod run, and bill, the scene once more
 * @param videoFile   the video on disk ({@code --download}), relative to the output folder, e.g.
 *                    {@code videos/opening.mp4}; null when it was not downloaded (not asked, or it kept failing:
 *                    the video URL still stands, and a re-run with {@code --download} fetches it)
 */
public record SceneResult(int position, String sceneId, SceneStatus status, String videoUrl, String jobId,
                          Double generationTime, Double videoSizeMb, String resolution, int sampleSteps,
                          int attempts, String error, String fingerprint, String reusedFrom, int possibleDuplicates,
                          String videoFile)
        implements ResultsCsvRow {

    public SceneResult {
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a scene's result is COMPLETED or FAILED, not " + status);
        }
    }

    /** The same result, with its video on disk at {@code file} (or not, when null). */
    public SceneResult withVideoFile(String file) {
        return new SceneResult(position, sceneId, status, videoUrl, jobId, generationTime, videoSizeMb, resolution, sampleSteps,
                attempts, error, fingerprint, reusedFrom, possibleDuplicates, file);
    }

    public boolean hasVideo() {
        return status == SceneStatus.COMPLETED;
    }
}
