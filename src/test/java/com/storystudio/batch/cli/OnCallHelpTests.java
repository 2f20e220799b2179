package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The on-call commands' own {@code --help} and their command-line mistakes, answered before anything starts: no
 * Spring, no database.
 */
class OnCallHelpTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final EarlyAnswer early = new EarlyAnswer(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            list        ; list [--limit=N]                  ; 0  listed
            show        ; show INPUT|EXECUTION              ; 0  shown
            abandon     ; abandon INPUT|EXECUTION           ; 7  a live process is running this input
            cancel-jobs ; cancel-jobs INPUT                 ; 4  RunPod did not answer
            health      ; health                            ; 2  the key or endpoint id is missing
            """)
    void eachCommandHasItsOwnHelpWithItsExitCodes(String command, String synopsis, String exitLine) {
        assertThat(early.answer(command, "--help")).contains(0);
        String help = stdout();
        assertThat(help).startsWith("Usage: java -jar storystudio.jar " + synopsis).contains("\nOptions:\n", "  --help", "\nExit codes:\n",
                "\n  " + exitLine).doesNotContain("--input=FILE [options]", "--storystudio.");
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));

        out.reset();
        assertThat(early.answer(command, "-h")).contains(0);
        assertThat(stdout()).isEqualTo(help);
    }

    @Test
    void theOperandIsDescribedAndTheGeneralHelpNamesTheCommands() {
        early.answer("show", "--help");
        assertThat(stdout()).contains("\nOperand:\n  INPUT|EXECUTION ", "digits");
        out.reset();
        early.answer("--help");
        assertThat(stdout()).contains("java -jar storystudio.jar show INPUT|EXECUTION", "java -jar storystudio.jar health",
                "(list, show, abandon, cancel-jobs, health) each have their own help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "abandon", "cancel-jobs"})
    void aMissingOperandIsOneLineWithExitTwo(String command) {
        assertThat(early.answer(command)).contains(2);
        assertThat(stderr()).startsWith("storystudio: %s needs its ".formatted(command)).contains("see %s --help".formatted(command));
        assertThat(stderr().lines().filter(line -> line.startsWith("storystudio:"))).hasSize(1);
    }

    @Test
    void aSecondOperandAnOptionOfAnotherCommandAndATypoAreRefused() {
        assertThat(early.answer("show", "12", "13")).contains(2);
        assertThat(stderr()).contains("unexpected argument(s) 13");
        err.reset();
        assertThat(early.answer("list", "7")).contains(2);
        assertThat(stderr()).contains("unexpected argument(s) 7");
        err.reset();
        assertThat(early.answer("show", "12", "--input=x.csv")).contains(2);
        assertThat(stderr()).contains("--input is not an option of show: leave it out");
        err.reset();
        assertThat(early.answer("abandn", "12")).contains(2);
        assertThat(stderr()).contains("did you mean the command abandon?").doesNotContain("--input=FILE is required");
        err.reset();
        assertThat(early.answer("helth")).contains(2);
        assertThat(stderr()).contains("did you mean the command health?");
    }

    @Test
    void aCommandLineWithItsOperandIsLeftToTheApplication() {
        assertThat(early.answer("show", "12")).isEmpty();
        assertThat(early.answer("cancel-jobs", "scenes.csv", "--runpod.endpoint-id=abc")).isEmpty();
        assertThat(early.answer("list", "--limit=5")).isEmpty();
        assertThat(stderr()).isEmpty();
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
