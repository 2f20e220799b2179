package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.result.ResultsCsvFile;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.InterposedServer;
import com.storystudio.batch.testing.RemoteCommand;
import com.storystudio.batch.testing.InterposedServer.Answer;
import com.storystudio.batch.testing.InterposedServer.Exchange;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * The whole command against servers that are not RunPod's own but stand where it would: one that refuses
 * HTTP/2 upgrades, one that echoes the request's key back, one whose error text a spreadsheet would run.
 * Each sits between the command and the emulator ({@link InterposedServer}).
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerEdgesCommandTests {

    /** As Debian's uvicorn 0.17.6 answers any request that asks to upgrade, h2c included. */
    private static final InterposedServer.Behaviour REFUSE_UPGRADES = (request, upstream) ->
            request.header("Upgrade") != null ? Answer.text(400, "Unsupported upgrade request.") : upstream.forward();

    private static final Pattern JOB_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path work;

    private RunPodSimulator remote;

    @BeforeEach
    void startRemoteEndpoint() {
        remote = RunPodSimulator.start(TestSimulators.fast());
    }

    @AfterEach
    void stopRemoteEndpoint() {
        remote.close();
    }

    @Test
    void aServerThatRefusesHttp2UpgradesRunsEverySceneOnce(CapturedOutput output) throws Exception {
        Path csv = Storyboard.in(work).localScene("one").localScene("two").localScene("three").write("uvicorn.csv");

        try (InterposedServer uvicorn = InterposedServer.between(remote.baseUrl(), REFUSE_UPGRADES)) {
            assertThat(runThrough(uvicorn, "--input=" + csv)).isZero();

            List<Exchange> seen = uvicorn.exchanges();
            assertThat(seen).extracting(exchange -> exchange.request().path()).contains("/v2/" + remote.endpointId() + "/health",
                    "/graphql").filteredOn(path -> path.endsWith("/run")).hasSize(3);
            assertThat(seen).allSatisfy(exchange -> {
                assertThat(exchange.request().header("Upgrade")).isNull();
                assertThat(exchange.forwarded()).isTrue();
                assertThat(exchange.answer().status()).isLessThan(400);
            });

            // The server refuses what uvicorn refuses, so the run above could have failed: a JDK client left
            // at its default (HTTP/2) asks a plain http:// URL for h2c and gets the 400.
            HttpResponse<String> h2c = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    uvicorn.baseUrl().resolve("/v2/" + remote.endpointId() + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(h2c.statusCode()).isEqualTo(400);
            assertThat(h2c.body()).isEqualTo("Unsupported upgrade request.");
        }
        assertThat(output.getOut()).contains("run COMPLETED", "3 total, 3 with video, 0 failed");
        assertThat(remote.stats().runRequests()).isEqualTo(3);
        assertThat(results("uvicorn")).extracting(row -> row.get("status")).containsExactly("COMPLETED", "COMPLETED", "COMPLETED");
    }

    @Test
    void aServerThatEchoesTheKeyInARefusalHasItMaskedEverywhere(CapturedOutput output) throws Exception {
        Path csv = Storyboard.in(work).localScene("accepted").localScene("refused").write("echo.csv");
        AtomicInteger runs = new AtomicInteger();
        // The second /run, sent once the first was accepted: a 400 then is the scene's, not the address's.
        InterposedServer.Behaviour echo = (request, upstream) ->
                request.path().endsWith("/run") && runs.incrementAndGet() == 2
                        ? Answer.json(400, "{\"error\":\"bad request from " + request.header("Authorization") + "\"}")
                        : upstream.forward();

        try (InterposedServer gateway = InterposedServer.between(remote.baseUrl(), echo)) {
            assertThat(runThrough(gateway, "--input=" + csv, "--submission-order=input", "--logging.level.com.storystudio=DEBUG"))
                    .isEqualTo(3);
            // The key really went back to the command, so the checks below can fail.
            assertThat(gateway.exchanges()).filteredOn(exchange -> exchange.answer().status() == 400).singleElement()
                    .satisfies(exchange -> assertThat(exchange.answer().body()).contains("Bearer " + remote.apiKey()));
        }

        String key = remote.apiKey();
        assertThat(remote.stats().runRequests()).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(key).contains("FAILED refused (line 3): ");
        Path resultsFile = work.resolve("out/echo-results.csv");
        assertThat(Files.readString(resultsFile)).doesNotContain(key);
        assertThat(databaseText()).isNotEmpty().noneMatch(value -> value.contains(key));
        assertThat(results("echo")).satisfiesExactly(
                row -> assertThat(row.get("status")).isEqualTo("COMPLETED"),
                row -> {
                    assertThat(row.get("status")).isEqualTo("FAILED");
                    assertThat(row.get("error")).startsWith("RunPod refused the request: ").endsWith("bad request from Bearer ****");
                });
    }

    @Test
    void errorTextThatASpreadsheetWouldRunIsWrittenAsText() throws Exception {
        Path csv = Storyboard.in(work).localScene("plain").localScene("formula").write("formula.csv");
        // The worker's error becomes the scene's error as it is only when it reads as the request's own fault
        // (FailureClassifier: "cannot decode"); a transient one is retried and shown after "gave up after ...".
        String formula = "=HYPERLINK(\"http://x\",\"cannot decode image\")";
        AtomicReference<String> formulaJob = new AtomicReference<>();
        Map<String, Integer> rewritten = new ConcurrentHashMap<>();
        InterposedServer.Behaviour rewrite = (request, upstream) -> {
            Answer answer = upstream.forward();
            if (request.path().endsWith("/run") && request.body().contains("Scene formula speaking")) {
                Matcher id = JOB_ID.matcher(answer.body());
                formulaJob.set(id.find() ? id.group(1) : null);
            }
            String job = formulaJob.get();
            if (job != null && request.path().endsWith("/status/" + job)) {
                rewritten.merge(job, 1, Integer::sum);
                return Answer.json(200, "{\"id\":\"%s\",\"status\":\"FAILED\",\"error\":\"%s\"}"
                        .formatted(job, formula.replace("\"", "\\\"")));
            }
            return answer;
        };

        try (InterposedServer worker = InterposedServer.between(remote.baseUrl(), rewrite)) {
            assertThat(runThrough(worker, "--input=" + csv)).isEqualTo(3);
        }

        assertThat(rewritten).containsOnlyKeys(formulaJob.get());
        List<CSVRecord> rows = results("formula");
        assertThat(rows).extracting(row -> row.get("scene_id")).containsExactly("plain", "formula");
        assertThat(rows.get(1).get("status")).isEqualTo("FAILED");
        assertThat(rows.get(1).get("error")).isEqualTo("'" + formula);
        List<String> cells = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(work.resolve("out/formula-results.csv"), StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            parser.forEach(record -> record.forEach(cells::add));
        }
        assertThat(cells).hasSize(3 * ResultsCsvFile.HEADER.size()).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
    }

    private int runThrough(InterposedServer server, String... arguments) {
        return RemoteCommand.at(server.baseUrl(), remote, work).run(
                Stream.concat(Stream.of(arguments), Stream.of("--runpod.max-poll-interval=60ms")).toArray(String[]::new));
    }

    /** The rows of {@code out/<name>-results.csv}, read by header. */
    private List<CSVRecord> results(String name) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(work.resolve("out/" + name + "-results.csv"), StandardCharsets.UTF_8, format)) {
            return parser.getRecords();
        }
    }

    private String databaseUrl() {
        return RemoteCommand.against(remote, work).databaseUrl();
    }

    /** Every text value in every table of the job database, and its schema. */
    private List<String> databaseText() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl(), "sa", "");
             ResultSet dump = connection.createStatement().executeQuery("SCRIPT")) {
            while (dump.next()) {
                values.add(dump.getString(1));
            }
        }
        return values;
    }
}
