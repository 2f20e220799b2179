package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The night's one exit code: the worst of its files', worst as README's "Exit codes" ranks them. */
class WorstExitCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 0 0     | 0
            0 2 0     | 2
            2 7       | 7
            7 3 2     | 3
            3 4 0     | 4
            4 1       | 1
            1 6 4     | 6
            6 5 0     | 5
            0 5 6 1 4 3 7 2 | 5
            """)
    void theWorstOfTheFilesCodesIsTheNights(String files, int night) {
        List<ExitCode> codes = List.of(files.split(" ")).stream().map(code -> byCode(Integer.parseInt(code))).toList();

        assertThat(WorstExitCode.of(codes).code()).isEqualTo(night);
    }

    @Test
    void aNightWithoutFilesIsZeroAndEveryExitCodeHasARank() {
        assertThat(WorstExitCode.of(List.of())).isEqualTo(ExitCode.SUCCESS);
        assertThat(WorstExitCode.RANKING).as("a new exit code must be ranked").containsExactlyInAnyOrder(ExitCode.values());
    }

    private static ExitCode byCode(int code) {
        return List.of(ExitCode.values()).stream().filter(candidate -> candidate.code() == code).findFirst().orElseThrow();
    }
}
