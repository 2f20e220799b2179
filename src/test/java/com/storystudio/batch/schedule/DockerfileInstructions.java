package com.storystudio.batch.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Dockerfile's instructions, comments dropped and continued lines joined, grouped by build stage.
 *
 * @param stages each {@code FROM} and what follows it, in order; the last one is the image
 */
record DockerfileInstructions(List<Stage> stages) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static DockerfileInstructions parse(String text) {
        List<Stage> stages = new ArrayList<>();
        String joined = text.lines().filter(line -> !line.strip().startsWith("#")).reduce("", (all, line) -> all + line + "\n")
                .replace("\\\n", " ");
        for (String line : joined.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            int space = line.indexOf(' ');
            String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase();
            String argument = space < 0 ? "" : line.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                stages.add(new Stage(argument, new ArrayList<>()));
            }
            else if (!stages.isEmpty()) {
                stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, argument));
            }
        }
        return new DockerfileInstructions(stages);
    }

    Stage image() {
        return stages.get(stages.size() - 1);
    }

    /**
     * @param from         what follows {@code FROM}: the base image and {@code AS name}
     * @param instructions the rest, in order
     */
    record Stage(String from, List<Instruction> instructions) {

        List<String> arguments(String keyword) {
            return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).map(Instruction::argument).toList();
        }

        /** The last one of a single-valued instruction ({@code USER}, {@code ENTRYPOINT}). */
        Optional<String> last(String keyword) {
            List<String> all = arguments(keyword);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
    }

    record Instruction(String keyword, String argument) {
    }

    /** An exec-form instruction's words ({@code ["java", "-jar", ...]}); empty for the shell form, which is not checked. */
    static Optional<List<String>> execForm(String argument) {
        if (!argument.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(List.of(JSON.readValue(argument, String[].class)));
        }
        catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
