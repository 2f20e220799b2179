package com.storystudio.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every definition in {@code jobs/} works as written: each command line is a {@code java -jar} that the application's
 * own option check accepts, and each keeps its safeguards. The second half breaks one thing at a time in a copy of
 * {@code jobs/} and sees the check say so, so that the first half can fail.
 */
class JobDefinitionsTests {

    private static final Path JOBS = Path.of("jobs");

    @TempDir
    Path copy;

    @Test
    void everyDefinitionInJobsIsAcceptedByTheApplicationAndKeepsItsSafeguards() {
        JobDefinitions definitions = JobDefinitions.read(JOBS);

        assertThat(definitions.problems()).isEmpty();
        assertThat(definitions.commandLines()).extracting(CommandLine::where)
                .contains("storystudio.crontab", "storystudio.service ExecStart", "Dockerfile ENTRYPOINT + CMD",
                        "storystudio-cronjob.yaml CronJob storystudio-nightly container storystudio", "README.md");
        assertThat(definitions.commandLines()).filteredOn(command -> !command.where().equals("README.md"))
                .allSatisfy(command -> assertThat(command.has("--inbox=/srv/storystudio/inbox")).as(command.where()).isTrue());
    }

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            storystudio.crontab      | --inbox=                               | --inbx=                   | unknown option --inbx; did you mean --inbox?
            storystudio.crontab      | 'flock -n -E 7 /srv/storystudio/nightly.lock ' | ''                | does not run under flock -n
            storystudio.crontab      | --logging.threshold.console=WARN       | --logging.treshold.console=WARN | unknown option --logging.treshold.console
            storystudio.crontab      | '. /etc/storystudio/storystudio.env && ' | 'RUNPOD_API_KEY=rpa_123 && ' | a value for RUNPOD_API_KEY
            storystudio.crontab      | 'output --'                            | 'output $EXTRA --'        | a variable on the command line: $EXTRA
            storystudio.service      | TimeoutStopSec=90s                     | TimeoutStopSec=45s        | TimeoutStopSec=45s must be longer than the application's stop timeout (60 s)
            storystudio.service      | --storystudio.stop-timeout=60s         | --storystudio.stop-timeout=2m | must be longer than the application's stop timeout (120 s)
            storystudio.service      | KillSignal=SIGTERM                     | KillSignal=SIGKILL        | KillSignal=SIGKILL, expected SIGTERM
            storystudio.service      | User=storystudio                       | User=root                 | User= must name a user other than root
            storystudio.service      | Type=oneshot                           | Type=simple               | Type=simple, expected oneshot
            storystudio.service      | EnvironmentFile=/etc/storystudio/storystudio.env | Environment=RUNPOD_API_KEY=rpa_123 | a value for RUNPOD_API_KEY
            storystudio.service      | --output-dir=/srv/storystudio/output   | --output-dir              | --output-dir needs exactly one value
            storystudio.timer        | Persistent=true                        | Persistent=false          | Persistent=false, expected true
            storystudio-cronjob.yaml | 'concurrencyPolicy: Forbid'            | 'concurrencyPolicy: Allow' | concurrencyPolicy must be Forbid, is Allow
            storystudio-cronjob.yaml | 'terminationGracePeriodSeconds: 90'    | 'terminationGracePeriodSeconds: 60' | terminationGracePeriodSeconds (60) must be above the application's stop timeout (60 s)
            storystudio-cronjob.yaml | 'restartPolicy: Never'                 | 'restartPolicy: Always'   | restartPolicy must be Never or OnFailure, is Always
            storystudio-cronjob.yaml | '- --storystudio.stop-timeout=60s'     | '- --spring.datasource.url=jdbc:h2:file:./data/x' | an H2 job database cannot be shared between pods
            storystudio-cronjob.yaml | 'secretKeyRef: {name: storystudio, key: SPRING_DATASOURCE_URL}' | '{}' | SPRING_DATASOURCE_URL must come from a Secret
            storystudio-cronjob.yaml | '- --inbox=/srv/storystudio/inbox'     | '- --inbox\\n                - /srv/storystudio/inbox' | a value for --inbox follows it after a space
            Dockerfile               | USER 10001:10001                       | USER root                 | the image runs as root
            Dockerfile               | FROM eclipse-temurin:17-jre\\nRUN      | FROM eclipse-temurin:17-jdk\\nRUN | the image is not a JRE-only one
            Dockerfile               | 'ENTRYPOINT ["java", "-jar", "/opt/storystudio/storystudio.jar"]' | 'ENTRYPOINT java -jar /opt/storystudio/storystudio.jar' | must both be in exec form
            Dockerfile               | extract --layers                       | extract                   | the jar's layers are not extracted
            storystudio.env.example  | RUNPOD_API_KEY=\\n                     | RUNPOD_API_KEY=rpa_4f2a9c\\n | a value for RUNPOD_API_KEY (10 characters)
            storystudio.env.example  | RUNPOD_ENDPOINT_ID=                    | RUNPOD_ENDPOINT_ID = ''   | not NAME=value without quotes or spaces
            README.md                | --inbox=/srv/storystudio/inbox --output-dir | --inbox=/srv/storystudio/inbox --ouput-dir | did you mean --output-dir?
            """)
    void aBrokenDefinitionIsCaught(String file, String original, String broken, String expected) throws IOException {
        copyJobs();
        Path target = copy.resolve(file);
        String text = Files.readString(target);
        String from = original.replace("\\n", "\n");
        assertThat(text).as("the definition to break").contains(from);
        Files.writeString(target, text.replace(from, broken.replace("\\n", "\n")));

        assertThat(JobDefinitions.read(copy).problems()).anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    @Test
    void aFileOfAKindNoCheckKnowsOrAMissingDefinitionFailsTheCheck() throws IOException {
        copyJobs();
        Files.writeString(copy.resolve("storystudio.logrotate"), "/srv/storystudio/logs/nightly.out { monthly }\n");
        Files.delete(copy.resolve("storystudio.timer"));

        assertThat(JobDefinitions.read(copy).problems()).contains(
                "storystudio.logrotate: no check knows this kind of file; teach JobDefinitions to check it",
                "no *.timer definition in " + copy,
                "README.md: does not say what storystudio.logrotate is for");
    }

    private void copyJobs() throws IOException {
        try (Stream<Path> files = Files.list(JOBS)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
    }
}
