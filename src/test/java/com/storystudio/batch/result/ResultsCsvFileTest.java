package com.storystudio.batch.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The results CSV as a file: its rows, cells a spreadsheet cannot run, and who may read it. */
class ResultsCsvFileTest {

    @TempDir
    Path folder;

    @ParameterizedTest(name = "a cell starting with {0} is written as quoted text behind a quote mark")
    @ValueSource(strings = {"=", "+", "-", "@", "\t", "\r"})
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText(String start) throws IOException {
        String formula = start + "HYPERLINK(\"http://evil.example\",\"click\")";
        ResultsCsvFile file = new ResultsCsvFile(folder.resolve("scenes-results.csv"));

        file.rewrite(List.of(failed("scene-1", formula)));

        String text = Files.readString(file.path());
        assertThat(text).contains(",\"'" + start + "HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",");
        assertThat(read(file).get(0).get("error")).isEqualTo("'" + formula);
    }

    @Test
    void everyTextCellIsNeutralisedNotOnlyTheError() throws IOException {
        ResultsCsvFile file = new ResultsCsvFile(folder.resolve("scenes-results.csv"));
        SceneResult result = new SceneResult(1, "-1", SceneStatus.COMPLETED, "=WEBSERVICE(\"x\")", "+job", 1.5, 2.0, "@480p", 20, 1,
                null, "fp", "\tearlier", 0, null);

        file.rewrite(List.of(result));

        CSVRecord row = read(file).get(0);
        assertThat(row.get("scene_id")).isEqualTo("'-1");
        assertThat(row.get("video_url")).isEqualTo("'=WEBSERVICE(\"x\")");
        assertThat(row.get("job_id")).isEqualTo("'+job");
        assertThat(row.get("resolution")).isEqualTo("'@480p");
        assertThat(row.get("reused_from")).isEqualTo("'\tearlier");
    }

    @Test
    void anOrdinaryRowIsWrittenAsItIsAndOurNumbersStayNumbers() throws IOException {
        ResultsCsvFile file = new ResultsCsvFile(folder.resolve("scenes-results.csv"));
        SceneResult result = new SceneResult(1, "opening", SceneStatus.COMPLETED, "https://cdn.example/videos/opening.mp4?sig=a-b=c",
                "job-7f3a", -1.5, 12.25, "720p", 25, 2, null, "fp", null, 0, "videos/opening.mp4");

        file.rewrite(List.of(result));

        assertThat(Files.readAllLines(file.path())).containsExactly(String.join(",", ResultsCsvFile.HEADER),
                "opening,COMPLETED,https://cdn.example/videos/opening.mp4?sig=a-b=c,job-7f3a,-1.5,12.25,720p,25,2,,,0,,,videos/opening.mp4");
    }

    @Test
    void eachSceneHasTheGpuSecondsItsJobsWereBilledForAndTheirPrice() throws IOException {
        ResultsCsvFile file = new ResultsCsvFile(folder.resolve("scenes-results.csv"));

        file.rewrite(List.of(failed("first", "worker said no"), failed("second", "never ran")),
                new SceneCosts(java.util.Map.of("first", 190.5), new com.storystudio.batch.cost.GpuPrice(1.89)));

        assertThat(read(file)).satisfiesExactly(
                row -> assertThat(List.of(row.get("gpu_seconds"), row.get("cost_usd"))).containsExactly("190.5", "0.1000"),
                row -> assertThat(List.of(row.get("gpu_seconds"), row.get("cost_usd"))).containsExactly("", ""));
    }

    @Test
    void anUnfinishedSceneHasItsStatusAndWhatTheInputSaysAndNothingElse() throws IOException {
        ResultsCsvFile file = new ResultsCsvFile(folder.resolve("scenes-results.csv"));

        file.rewrite(List.of(failed("first", "worker said no"), new UnfinishedScene(2, "second", SceneStatus.IN_PROGRESS, "job-2", "720p", 25),
                new UnfinishedScene(3, "third", SceneStatus.PENDING, null, "480p", 20)));

        assertThat(Files.readAllLines(file.path())).containsExactly(String.join(",", ResultsCsvFile.HEADER),
                "first,FAILED,,job-1,,,480p,20,3,worker said no,,0,,,",
                "second,IN_PROGRESS,,job-2,,,720p,25,,,,,,,",
                "third,PENDING,,,,,480p,20,,,,,,,");
    }

    @Test
    void theFileIsReplacedWholeAndNoTemporaryFileIsLeftBehind() throws IOException {
        ResultsCsvFile file = new ResultsCsvFile(folder.resolve("out/scenes-results.csv"));
        file.rewrite(List.of(failed("a", "x"), failed("b", "y")));

        file.rewrite(List.of(failed("c", "z")));

        assertThat(read(file)).singleElement().satisfies(row -> assertThat(row.get("scene_id")).isEqualTo("c"));
        try (var entries = Files.list(folder.resolve("out"))) {
            assertThat(entries.map(path -> path.getFileName().toString())).containsExactly("scenes-results.csv");
        }
    }

    @Test
    void theTeamMayReadTheResultsAsTheyMayReadAnyNewFileOfThisProcess() throws IOException {
        assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "file modes are POSIX; this file system has none to compare");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(folder.resolve("plain.txt")));
        ResultsCsvFile file = new ResultsCsvFile(folder.resolve("scenes-results.csv"));

        file.rewrite(List.of(failed("a", "x")));
        file.rewrite(List.of(failed("a", "x"))); // replacing the file keeps the mode as well

        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file.path());
        assertThat(mode).isEqualTo(usual);
        if (usual.stream().anyMatch(permission -> !permission.name().startsWith("OWNER_"))) {
            assertThat(mode).as("not owner-only").anyMatch(permission -> !permission.name().startsWith("OWNER_"));
        }
    }

    private static SceneResult failed(String sceneId, String error) {
        return new SceneResult(1, sceneId, SceneStatus.FAILED, null, "job-1", null, null, "480p", 20, 3, error, "fp", null, 0, null);
    }

    private static List<CSVRecord> read(ResultsCsvFile file) throws IOException {
        try (Reader in = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
