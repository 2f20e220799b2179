package com.storystudio.batch.simulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET and HEAD /videos/{jobId}.mp4: the "uploaded" result of a completed job, a small valid MP4 with its length,
 * whole or as a single byte range. Needs no API key, like a public URL. The API's HTTP faults do not reach it; its
 * own ({@link VideoFault}) do, and a switch makes every video answer 404, as a storage that expired them would.
 */
final class VideoApi {

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");
    /** How far into the body a reset cuts: inside the first box. */
    private static final int RESET_AFTER_BYTES = 16;

    private final EndpointSimulation simulation;
    private final FaultInjector faults;
    private final JsonCodec json;

    VideoApi(EndpointSimulation simulation, FaultInjector faults, JsonCodec json) {
        this.simulation = simulation;
        this.faults = faults;
        this.json = json;
    }

    HttpReply handle(ApiRequest request) {
        String jobId = request.match().jobId();
        if (!simulation.hasVideo(jobId) || faults.videosGone()) {
            return json.error(404, "video not found");
        }
        byte[] video = FakeMp4.forJob(jobId);
        VideoFault fault = request.method().equals("GET") ? faults.videoFault() : VideoFault.NONE;
        return switch (fault) {
            case HTTP_500 -> json.error(500, "Internal Server Error");
            case RESET_MID_BODY -> whole(video).cutAfter(RESET_AFTER_BYTES);
            case TRUNCATED -> whole(video).cutAfter(video.length * 3 / 4);
            case NONE -> request.range().map(range -> ranged(video, range)).orElseGet(() -> whole(video));
        };
    }

    private static HttpReply whole(byte[] video) {
        return HttpReply.of(200, "video/mp4", video).withHeader("Accept-Ranges", "bytes");
    }

    /** One range, as RFC 9110 reads it; anything else (several ranges, another unit) gets the whole video. */
    private static HttpReply ranged(byte[] video, String header) {
        Matcher range = SINGLE_RANGE.matcher(header.trim());
        if (!range.matches() || (range.group(1).isEmpty() && range.group(2).isEmpty())) {
            return whole(video);
        }
        int length = video.length;
        Optional<int[]> bounds = bounds(range.group(1), range.group(2), length);
        if (bounds.isEmpty()) {
            return HttpReply.of(416, "text/plain", new byte[0]).withHeader("Content-Range", "bytes */" + length);
        }
        int first = bounds.get()[0];
        int last = bounds.get()[1];
        return HttpReply.of(206, "video/mp4", Arrays.copyOfRange(video, first, last + 1))
                .withHeader("Content-Range", "bytes %d-%d/%d".formatted(first, last, length))
                .withHeader("Accept-Ranges", "bytes");
    }

    private static Optional<int[]> bounds(String from, String to, int length) {
        long first;
        long last;
        if (from.isEmpty()) {
            // A suffix: the last N bytes.
            long suffix = Long.parseLong(to);
            first = Math.max(0, length - suffix);
            last = length - 1;
            if (suffix == 0) {
                return Optional.empty();
            }
        }
        else {
            first = Long.parseLong(from);
            last = to.isEmpty() ? length - 1 : Math.min(Long.parseLong(to), length - 1);
            if (first >= length || last < first) {
                return Optional.empty();
            }
        }
        return Optional.of(new int[] {(int) first, (int) last});
    }
}
