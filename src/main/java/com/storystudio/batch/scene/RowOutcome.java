package com.storystudio.batch.scene;

import java.util.List;

/** A checked row: a scene, or the row's problems (never both). */
record RowOutcome(Scene scene, List<SceneProblem> problems) {

    RowOutcome {
        problems = List.copyOf(problems);
        if ((scene == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("either a scene or problems");
        }
    }

    static RowOutcome valid(Scene scene) {
        return new RowOutcome(scene, List.of());
    }

    static RowOutcome invalid(List<SceneProblem> problems) {
        return new RowOutcome(null, problems);
    }

    boolean isValid() {
        return scene != null;
    }
}
