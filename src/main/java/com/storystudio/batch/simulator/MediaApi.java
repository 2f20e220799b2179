package com.storystudio.batch.simulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /media/{name}: a file of the {@link MediaLibrary}, needing no API key, like a public or signed URL. A
 * single byte range ({@code Range: bytes=a-b}, {@code a-} or {@code -n}) is answered 206 with
 * {@code Content-Range}, an unsatisfiable one 416; with the {@link SimulatorFaults#isIgnoreMediaRanges()}
 * switch on, every request gets the whole file with 200, as servers without range support do.
 */
final class MediaApi {

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final MediaLibrary library;
    private final SimulatorFaults faults;
    private final JsonCodec json;

    MediaApi(MediaLibrary library, SimulatorFaults faults, JsonCodec json) {
        this.library = library;
        this.faults = faults;
        this.json = json;
    }

    HttpReply handle(ApiRequest request) {
        Optional<byte[]> file = library.named(request.match().jobId());
        if (file.isEmpty()) {
            return json.error(404, "media not found");
        }
        byte[] content = file.get();
        String range = request.range().orElse(null);
        if (range == null || faults.isIgnoreMediaRanges()) {
            return HttpReply.of(200, CONTENT_TYPE, content).withHeader("Accept-Ranges", faults.isIgnoreMediaRanges() ? "none" : "bytes");
        }
        Matcher matcher = SINGLE_RANGE.matcher(range.strip());
        if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
            // Several ranges or another unit: a server may answer with the whole file, and this one does.
            return HttpReply.of(200, CONTENT_TYPE, content).withHeader("Accept-Ranges", "bytes");
        }
        long size = content.length;
        long first;
        long last;
        if (matcher.group(1).isEmpty()) {
            first = Math.max(0, size - parse(matcher.group(2)));
            last = size - 1;
        } else {
            first = parse(matcher.group(1));
            last = matcher.group(2).isEmpty() ? size - 1 : Math.min(parse(matcher.group(2)), size - 1);
        }
        if (first >= size || last < first) {
            return HttpReply.of(416, CONTENT_TYPE, new byte[0]).withHeader("Content-Range", "bytes */" + size);
        }
        return HttpReply.of(206, CONTENT_TYPE, Arrays.copyOfRange(content, (int) first, (int) last + 1))
                .withHeader("Content-Range", "bytes " + first + "-" + last + "/" + size)
                .withHeader("Accept-Ranges", "bytes");
    }

    /** Digits beyond a long count as "to the end". */
    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
