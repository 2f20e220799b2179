package com.storystudio.batch.scene;

import java.util.OptionalInt;

/**
 * Reads the rows of a file that {@link SceneSource#check()} found valid for their outlines: the same
 * ids, positions and defaults as {@link SceneRowValidator}, without its checks or a look at any media,
 * so that it costs little more than parsing the file. One instance per pass over a file.
 */
final class SceneOutliner {

    private final CsvHeader header;
    private int position;

    SceneOutliner(CsvHeader header) {
        this.header = header;
    }

    SceneOutline outline(CsvRow row) {
        position++;
        String sceneId = value(row, SceneColumn.SCENE_ID);
        String resolution = value(row, SceneColumn.RESOLUTION);
        return new SceneOutline(position, row.line(), sceneId.isEmpty() ? Integer.toString(position) : sceneId,
                Resolution.parse(resolution).orElse(SceneRowValidator.DEFAULT_RESOLUTION), sampleSteps(row),
                value(row, SceneColumn.PROMPT));
    }

    private int sampleSteps(CsvRow row) {
        String steps = value(row, SceneColumn.SAMPLE_STEPS);
        try {
            return steps.isEmpty() ? SceneRowValidator.DEFAULT_STEPS : Integer.parseInt(steps);
        }
        catch (NumberFormatException e) {
            // Not a file check() passed (it was edited since): the outline shows what a run would use.
            return SceneRowValidator.DEFAULT_STEPS;
        }
    }

    private String value(CsvRow row, SceneColumn column) {
        OptionalInt index = header.indexOf(column);
        return index.isEmpty() ? "" : row.value(index.getAsInt());
    }
}
