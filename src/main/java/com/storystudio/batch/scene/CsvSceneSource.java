package com.storystudio.batch.scene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scenes from a storyboard CSV file: a header row, then one scene per row. Local media paths are resolved
 * against the CSV file's folder and must stay inside it.
 */
public final class CsvSceneSource implements SceneSource {

    private final Path csvFile;
    private final SceneRules rules;

    /** @param csvFile kept as given, so messages name the file the way the user did */
    public CsvSceneSource(Path csvFile, SceneRules rules) {
        this.csvFile = Objects.requireNonNull(csvFile, "csvFile");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public String describe() {
        return csvFile.toString();
    }

    @Override
    public SceneCheck check() throws IOException {
        List<SceneProblem> problems = new ArrayList<>();
        int count = 0;
        try (CsvRows rows = CsvRows.open(csvFile)) {
            CsvRow first = rows.next();
            if (first == null) {
                return new SceneCheck(List.of(emptyFile()), 0);
            }
            CsvHeader header = CsvHeader.read(csvFile, first);
            problems.addAll(header.problems());
            if (!header.hasRequiredColumns()) {
                return new SceneCheck(problems, 0);
            }
            SceneRowValidator validator = validator(header);
            for (CsvRow row = rows.next(); row != null; row = rows.next()) {
                problems.addAll(validator.validate(row).problems());
                count++;
            }
            if (count == 0) {
                // A run of nothing would "succeed"; a scheduled job pointed at an emptied file should not.
                problems.add(new SceneProblem(csvFile, first.line(), 0, null, "no scenes: the file has a header row but no rows"));
            }
        } catch (CsvSyntaxError e) {
            problems.add(e.toProblem(csvFile));
        }
        return new SceneCheck(problems, count);
    }

    @Override
    public SceneCursor open() throws IOException {
        CsvRows rows = CsvRows.open(csvFile);
        try {
            CsvRow first = rows.next();
            if (first == null) {
                throw new SceneValidationException(List.of(emptyFile()));
            }
            CsvHeader header = CsvHeader.read(csvFile, first);
            if (!header.problems().isEmpty()) {
                throw new SceneValidationException(header.problems());
            }
            return new CsvSceneCursor(csvFile, rows, validator(header));
        } catch (CsvSyntaxError e) {
            rows.close();
            throw new SceneValidationException(List.of(e.toProblem(csvFile)));
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    @Override
    public List<SceneOutline> outlines() throws IOException {
        List<SceneOutline> outlines = new ArrayList<>();
        try (CsvRows rows = CsvRows.open(csvFile)) {
            CsvRow first = rows.next();
            if (first == null) {
                return outlines;
            }
            SceneOutliner outliner = new SceneOutliner(CsvHeader.read(csvFile, first));
            for (CsvRow row = rows.next(); row != null; row = rows.next()) {
                outlines.add(outliner.outline(row));
            }
        } catch (CsvSyntaxError e) {
            throw new SceneValidationException(List.of(e.toProblem(csvFile)));
        }
        return outlines;
    }

    @Override
    public String toString() {
        return "CsvSceneSource[" + csvFile + "]";
    }

    private SceneRowValidator validator(CsvHeader header) throws IOException {
        Path folder = csvFile.toAbsolutePath().normalize().getParent();
        return new SceneRowValidator(csvFile, header, new MediaResolver(folder), new RequestBudget(rules));
    }

    private SceneProblem emptyFile() {
        return new SceneProblem(csvFile, 1, 0, null, "the file is empty; it needs a header row such as "
                + "scene_id,image,audio,prompt,resolution,sample_steps and one row per scene");
    }
}
