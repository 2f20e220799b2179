package com.storystudio.batch.scene;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks that a scene's request body fits RunPod's size limit, before any GPU time is paid for. */
final class RequestBudget {

    private static final long KIB = 1024;
    private static final long MIB = KIB * KIB;

    private final SceneRules rules;

    RequestBudget(SceneRules rules) {
        this.rules = rules;
    }

    /**
     * @param image null when the image value was rejected (it then adds nothing)
     * @param audio null when the audio value was rejected
     * @return a message when the request would be too large
     */
    Optional<String> overrun(MediaCheck.Accepted image, MediaCheck.Accepted audio, String prompt) {
        long promptBytes = prompt.getBytes(StandardCharsets.UTF_8).length;
        long total = rules.requestOverheadBytes() + promptBytes + bytes(image) + bytes(audio);
        if (total <= rules.maxRequestBytes()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        part(parts, "image", image);
        part(parts, "audio", audio);
        if (promptBytes > 0) {
            parts.add("prompt " + size(promptBytes));
        }
        String totalText = size(total);
        String limitText = size(rules.maxRequestBytes());
        if (totalText.equals(limitText)) { // rounding would hide the overrun
            totalText = total + " B";
            limitText = rules.maxRequestBytes() + " B";
        }
        return Optional.of("request would be " + totalText + ", over RunPod's " + limitText + " limit (" + String.join(", ", parts) + "); use smaller or shorter files, or host them and "
                + "give http(s) URLs instead");
    }

    private static long bytes(MediaCheck.Accepted media) {
        return media == null ? 0 : media.requestBytes();
    }

    private static void part(List<String> parts, String name, MediaCheck.Accepted media) {
        if (media != null) {
            parts.add(name + " " + size(media.requestBytes()) + (media.local() ? " as base64" : " URL"));
        }
    }

    /** "12.4 MB", "10 MB", "3.5 KB", "60 B" (binary units, as RunPod's 10 MB limit is 10 MiB). */
    static String size(long bytes) {
        if (bytes >= MIB) {
            return decimal((double) bytes / MIB) + " MB";
        }
        if (bytes >= KIB) {
            return decimal((double) bytes / KIB) + " KB";
        }
        return bytes + " B";
    }

    private static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
