package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line as {@code main} checks it before anything starts: no Spring, no database. Each case is what a
 * person would type.
 */
class CommandLineCheckTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final EarlyAnswer early = new EarlyAnswer(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --runpod.poll-intervl=1s              | did you mean --runpod.poll-interval?
            --storystudio.scene-deadlin=1s        | did you mean --storystudio.scene-deadline?
            --simulator.faults.http500-rat=0.9    | did you mean --simulator.faults.http500-rate?
            --inptu=scenes.csv                    | did you mean --input?
            --poll-interval=1s                    | did you mean --runpod.poll-interval?
            --spring.datasource.ulr=jdbc:h2:mem:x | did you mean --spring.datasource.url?
            --management.prometheus.metrics.export.pushgateway.adress=127.0.0.1:9091 | did you mean --management.prometheus.metrics.export.pushgateway.address?
            --management.prometheus.metrics.export.pushgateway.enable=true | did you mean --management.prometheus.metrics.export.pushgateway.enabled?
            --logging.structured.format.consle=ecs | did you mean --logging.structured.format.console?
            --frobnicate                          | unknown option --frobnicate (--help lists the options)
            """)
    void aTypoIsAUsageErrorNamingTheNearestRealOption(String typo, String expected) {
        assertThat(early.answer("--input=scenes.csv", typo)).contains(2);
        assertThat(stderr()).contains("unknown option " + typo.split("=")[0], expected).doesNotContain("\tat ");
    }

    @Test
    void aCommandWordMisspeltNamesTheCommandMeantAndAnyOtherWordIsAStrayWord() {
        assertThat(early.answer("reprot", "--input=scenes.csv")).contains(2);
        assertThat(stderr()).contains("unexpected argument(s) reprot; did you mean the command report?");

        err.reset();
        assertThat(early.answer("--input=scenes.csv", "tonight")).contains(2);
        assertThat(stderr()).contains("unexpected argument(s) tonight (options are written --name=value)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --runpod.poll-interval=banana      | --runpod.poll-interval=banana: expected a duration such as 200ms, 10s, 5m or 2h, more than 0
            --max-in-flight=-1                 | --max-in-flight=-1: expected a whole number, 1 or more
            --max-in-flight=99999999999        | --max-in-flight=99999999999: expected a whole number, 1 or more
            --storystudio.max-failed-share=2   | --storystudio.max-failed-share=2: expected a number from 0 to 1
            --submission-order=shortest-first  | --submission-order=shortest-first: expected one of longest-first, input
            --runpod.worker-control=ssh        | --runpod.worker-control=ssh: expected one of graphql, rest, none
            --runpod.base-url=api.runpod.ai    | --runpod.base-url=api.runpod.ai: expected an http:// or https:// URL
            --simulate=false                   | --simulate takes no value
            --output-dir                       | --output-dir needs exactly one value, as --output-dir=DIR
            """)
    void aBadValueNamesTheOptionTheValueAndWhatIsAccepted(String argument, String expected) {
        assertThat(early.answer("--input=scenes.csv", argument)).contains(2);
        assertThat(stderr()).contains(expected);
    }

    @Test
    void everyProblemIsSaidAtOnceOnePerLine() {
        assertThat(early.answer("--runpod.poll-intervl=1s", "--max-in-flight=0", "stray")).contains(2);
        assertThat(stderr().lines().filter(line -> line.startsWith("storystudio: ")).toList()).hasSize(4)
                .anySatisfy(line -> assertThat(line).contains("--input=FILE is required"))
                .anySatisfy(line -> assertThat(line).contains("unexpected argument(s) stray"));
    }

    @Test
    void aValueWrittenAfterASpaceIsNamedButNeverEchoed() {
        assertThat(early.answer("--input=scenes.csv", "--runpod.api-key", "s3cret-key", "--simulate", "yes")).contains(2);
        assertThat(stderr()).contains("a value for --runpod.api-key follows it after a space: write --runpod.api-key=VALUE",
                "unexpected word after --simulate").doesNotContain("s3cret-key", "yes");
    }

    @Test
    void anOptionOfAnotherCommandIsRefused() {
        assertThat(early.answer("--restore-worker", "--input=scenes.csv")).contains(2);
        assertThat(stderr()).contains("--input is not an option of --restore-worker");
    }

    @Test
    void dashHIsHelp() {
        assertThat(early.answer("-h")).contains(0);
        String help = stdout();
        out.reset();
        assertThat(early.answer("--help")).contains(0);
        assertThat(stdout()).isEqualTo(help).startsWith("Usage: ").contains("Exit codes:");
    }

    @Test
    void helpListsEveryOptionTheReadmeLists() throws Exception {
        early.answer("--help");
        String help = stdout();
        Matcher options = Pattern.compile("^\\| `--([a-z0-9.-]+)", Pattern.MULTILINE).matcher(Files.readString(Path.of("README.md")));
        Set<String> inReadme = new TreeSet<>();
        while (options.find()) {
            inReadme.add(options.group(1));
        }
        assertThat(inReadme).hasSizeGreaterThan(20);
        assertThat(inReadme).allSatisfy(option -> assertThat(help).contains("--" + option));
    }

    @Test
    void everySettingTheApplicationBindsIsInTheCatalogueAndNothingElse() {
        Set<String> bound = new TreeSet<>(BoundSettings.names());
        Set<String> catalogued = OptionCatalogue.settings().map(OptionSpec::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(catalogued).isEqualTo(bound);
    }

    @Test
    void aRunWithAValidCommandLineIsLeftToTheApplication(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path csv = com.storystudio.batch.testing.Storyboard.in(dir).remoteScene("s1").write("scenes.csv");
        assertThat(early.answer("--input=" + csv, "--runpod.poll-interval=200ms", "--spring.datasource.url=jdbc:h2:mem:x",
                "--logging.level.com.storystudio=DEBUG", "--spring.datasource.hikari.maximum-pool-size=3", "--simulate")).isEmpty();
        assertThat(early.answer("--restore-worker", "--runpod.endpoint-id=abc")).isEmpty();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void theMetricsPushAndStructuredLogSettingsOfTheReadmeAreAccepted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path csv = com.storystudio.batch.testing.Storyboard.in(dir).remoteScene("s1").write("scenes.csv");
        String pushgateway = "--management.prometheus.metrics.export.pushgateway.";
        assertThat(early.answer("--input=" + csv, pushgateway + "enabled=true", pushgateway + "address=127.0.0.1:9091",
                pushgateway + "push-rate=30s", pushgateway + "grouping-key.instance=night-1", pushgateway + "format=text",
                "--logging.structured.format.console=ecs", "--logging.structured.format.file=logstash",
                "--logging.file.name=" + dir.resolve("run.log"))).isEmpty();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void anInputThatCannotBeReadIsAUsageError(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThat(early.answer("--input=" + dir.resolve("missing.csv"))).contains(2);
        assertThat(early.answer("--input=" + dir)).contains(2);
        assertThat(stderr()).contains("cannot read the input file " + dir.resolve("missing.csv"), "is a folder, not a CSV file");
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
