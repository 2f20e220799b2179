package com.storystudio.batch.scene;

import java.util.List;

/** The scene input is invalid; carries every problem found so callers can show them all. */
public class SceneValidationException extends RuntimeException {

    /** How many problems the message spells out; the rest are only counted (all stay in {@link #problems()}). */
    private static final int DESCRIBED_IN_MESSAGE = 5;

    private final List<SceneProblem> problems;

    public SceneValidationException(List<SceneProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<SceneProblem> problems() {
        return problems;
    }

    private static String message(List<SceneProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        StringBuilder text = new StringBuilder()
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" in the scene input:");
        problems.stream().limit(DESCRIBED_IN_MESSAGE)
                .forEach(problem -> text.append(System.lineSeparator()).append("  ").append(problem.describe()));
        if (problems.size() > DESCRIBED_IN_MESSAGE) {
            text.append(System.lineSeparator()).append("  ... and ")
                    .append(problems.size() - DESCRIBED_IN_MESSAGE).append(" more");
        }
        return text.toString();
    }
}
