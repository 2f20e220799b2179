package com.storystudio.batch.scene;

import java.util.List;

/**
 * What checking a whole source found: every problem, and how many scenes it holds (rows read,
 * valid or not).
 */
public record SceneCheck(List<SceneProblem> problems, int scenes) {

    public SceneCheck {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
