package com.storystudio.batch.job;

import com.storystudio.batch.scene.CsvSceneSource;
import com.storystudio.batch.scene.SceneRules;
import com.storystudio.batch.scene.SceneSource;

/**
 * The one place, once the application runs, that knows a run's scenes come from its CSV file and which
 * rules they are checked against: the steps, the results CSV and the summary all read the input through it.
 * ({@code cli.EarlyAnswer}, before the application starts, checks the file with the same default rules.)
 */
public class SceneSources {

    private final SceneRules rules;

    public SceneSources(SceneRules rules) {
        this.rules = rules;
    }

    public SceneSource of(RunParameters run) {
        return new CsvSceneSource(run.input(), rules);
    }
}
