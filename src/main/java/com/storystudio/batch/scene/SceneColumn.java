package com.storystudio.batch.scene;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The storyboard columns, with the camelCase names the API document uses as accepted aliases. */
enum SceneColumn {
    SCENE_ID("scene_id", "sceneId", false),
    IMAGE("image", "imageUrl", true),
    AUDIO("audio", "audioUrl", true),
    PROMPT("prompt", null, false),
    RESOLUTION("resolution", null, false),
    SAMPLE_STEPS("sample_steps", "sampleSteps", false);

    private final String canonicalName;
    private final String alias;
    private final boolean required;

    SceneColumn(String canonicalName, String alias, boolean required) {
        this.canonicalName = canonicalName;
        this.alias = alias;
        this.required = required;
    }

    String canonicalName() {
        return canonicalName;
    }

    boolean required() {
        return required;
    }

    /** "image" or "image (or imageUrl)", for messages. */
    String displayName() {
        return alias == null ? canonicalName : canonicalName + " (or " + alias + ")";
    }

    /** Matches a header cell, case-insensitively, by canonical name or alias. */
    static Optional<SceneColumn> byHeaderName(String headerName) {
        String wanted = headerName.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(column -> column.canonicalName.equals(wanted)
                        || (column.alias != null && column.alias.toLowerCase(Locale.ROOT).equals(wanted)))
                .findFirst();
    }

    /** "scene_id (or sceneId), image (or imageUrl), ..." */
    static String knownNames() {
        return Arrays.stream(values()).map(SceneColumn::displayName).collect(Collectors.joining(", "));
    }
}
