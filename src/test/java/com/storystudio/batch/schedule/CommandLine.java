package com.storystudio.batch.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;

import com.storystudio.batch.cli.CommandLineCheck;

/**
 * One {@code java -jar} command line taken from a schedule, as the words the process gets, and what is wrong with it:
 * not a {@code java -jar}, a word with {@code $} (no definition expands variables on the command line, where the key
 * would show), or arguments the application's own option check refuses.
 *
 * @param where  the file and what in it, for the messages
 * @param words  the command's words, from {@code java} on
 */
record CommandLine(String where, List<String> words) {

    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(60);

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (words.size() < 3 || !(words.get(0).equals("java") || words.get(0).endsWith("/java")) || !words.get(1).equals("-jar")
                || !words.get(2).endsWith("storystudio.jar")) {
            problems.add(where + ": not a `java -jar .../storystudio.jar` command: " + String.join(" ", words));
            return problems;
        }
        words.stream().filter(word -> word.contains("$")).forEach(word -> problems.add(where + ": a variable on the command line: " + word));
        words.stream().filter(word -> word.startsWith("--runpod.api-key")).forEach(word -> problems.add(where + ": the API key on the command line"));
        CommandLineCheck.problems(arguments().toArray(String[]::new)).forEach(problem -> problems.add(where + ": " + problem));
        return problems;
    }

    /** What follows the jar. */
    List<String> arguments() {
        return words.subList(3, words.size());
    }

    /** {@code --storystudio.stop-timeout}, or its default. */
    Duration stopTimeout() {
        return arguments().stream().filter(word -> word.startsWith("--storystudio.stop-timeout="))
                .map(word -> DurationStyle.detectAndParse(word.substring(word.indexOf('=') + 1))).reduce((first, last) -> last)
                .orElse(DEFAULT_STOP_TIMEOUT);
    }

    boolean has(String argumentPrefix) {
        return arguments().stream().anyMatch(word -> word.startsWith(argumentPrefix));
    }
}
