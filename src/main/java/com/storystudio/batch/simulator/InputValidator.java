package com.storystudio.batch.simulator;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The checks the real Wan2.2 S2V worker makes on its input, with its error messages. URLs are accepted
 * without being fetched: the simulator never reaches beyond 127.0.0.1. Audio at a URL of the emulator's own
 * {@link MediaLibrary} is taken from there, so that its length counts as a fetched file's would.
 */
final class InputValidator {

    static final String MISSING_INPUTS = "Missing required inputs";
    static final String INVALID_RESOLUTION = "Invalid resolution";
    static final String INVALID_SAMPLE_STEPS = "Invalid sample_steps";
    static final String BAD_IMAGE = "Cannot decode image";
    static final String BAD_AUDIO = "Cannot decode audio";
    static final int MIN_STEPS = 15;
    static final int MAX_STEPS = 50;

    private final MediaLibrary media;

    InputValidator(MediaLibrary media) {
        this.media = media;
    }

    /** The worker's verdict on the input, with the audio it decoded if it was base64. */
    InputCheck check(JsonNode input) {
        if (isBlank(input.get("image")) || isBlank(input.get("audio"))) {
            return InputCheck.rejected(MISSING_INPUTS);
        }
        JsonNode resolution = input.get("resolution");
        if (resolution != null && !(resolution.isString()
                && (ServiceTimeModel.RESOLUTION_480P.equals(resolution.stringValue())
                || ServiceTimeModel.RESOLUTION_720P.equals(resolution.stringValue())))) {
            return InputCheck.rejected(INVALID_RESOLUTION);
        }
        JsonNode steps = input.get("sample_steps");
        if (steps != null && !(steps.isIntegralNumber() && steps.canConvertToInt()
                && steps.intValue() >= MIN_STEPS && steps.intValue() <= MAX_STEPS)) {
            return InputCheck.rejected(INVALID_SAMPLE_STEPS);
        }
        if (!isMedia(input.get("image"), MediaSignatures::isImage)) {
            return InputCheck.rejected(BAD_IMAGE);
        }
        return checkAudio(input.get("audio"));
    }

    /** Like {@link #isMedia}, but keeps the decoded file: its length decides how long the job runs. */
    private InputCheck checkAudio(JsonNode value) {
        if (!value.isString()) {
            return InputCheck.rejected(BAD_AUDIO);
        }
        String text = value.stringValue().strip();
        if (isHttpUrl(text)) {
            return InputCheck.accepted(media.at(text).filter(MediaSignatures::isAudio).orElse(null));
        }
        return decodeBase64(text).filter(MediaSignatures::isAudio).map(InputCheck::accepted)
                .orElseGet(() -> InputCheck.rejected(BAD_AUDIO));
    }

    private static boolean isBlank(JsonNode value) {
        return value == null || value.isNull() || (value.isString() && value.stringValue().isBlank());
    }

    private static boolean isMedia(JsonNode value, Predicate<byte[]> signature) {
        if (!value.isString()) {
            return false;
        }
        String text = value.stringValue().strip();
        return isHttpUrl(text) || decodeBase64(text).filter(signature).isPresent();
    }

    private static boolean isHttpUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            return URI.create(text).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Accepts plain or URL-safe base64, optionally as a data URI, with line breaks. */
    private static Optional<byte[]> decodeBase64(String text) {
        int comma = text.indexOf(',');
        String payload = text.startsWith("data:") && comma > 0 ? text.substring(comma + 1) : text;
        String compact = payload.replaceAll("\\s", "");
        try {
            return Optional.of(Base64.getDecoder().decode(compact));
        } catch (IllegalArgumentException notStandard) {
            try {
                return Optional.of(Base64.getUrlDecoder().decode(compact));
            } catch (IllegalArgumentException notUrlSafe) {
                return Optional.empty();
            }
        }
    }
}
