package com.storystudio.batch.runpod;

/**
 * A COMPLETED job's output. The seed's worker returns {@code video_url}; community workers for the
 * same model return the video inline as base64 ({@code video} or {@code video_b64}) instead.
 */
public record JobOutput(String videoUrl, String inlineVideoBase64, Double generationTime, Double videoSizeMb,
                        String resolution, Integer sampleSteps) {

    public boolean hasVideo() {
        return (videoUrl != null && !videoUrl.isBlank()) || (inlineVideoBase64 != null && !inlineVideoBase64.isBlank());
    }

    @Override
    public String toString() {
        return "JobOutput[videoUrl=%s, inlineVideo=%s, generationTime=%s, videoSizeMb=%s]"
                .formatted(videoUrl, inlineVideoBase64 == null ? "no" : inlineVideoBase64.length() + " chars", generationTime, videoSizeMb);
    }
}
