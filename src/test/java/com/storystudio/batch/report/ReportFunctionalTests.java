package com.storystudio.batch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.storystudio.batch.job.StopRequest;
import com.storystudio.batch.persistence.Timestamps;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.FunctionalTestConfiguration;
import com.storystudio.batch.testing.MediaFixtures;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.ReportPage;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.StoryboardRuns;

/**
 * The report the job writes at the end of every execution, read back as a person's browser would parse it: against
 * the emulator (time x1000) and a real H2 file database. The scenes go to RunPod one at a time, in input order.
 */
@SpringBootTest(properties = "storystudio.submission-order=input")
@ActiveProfiles("functional")
@Import(FunctionalTestConfiguration.class)
class ReportFunctionalTests {

    private static final String HOSTILE_PROMPT = "<script>alert('x')</script> Tom & \"Jerry\" <img src=https://evil.example/p.png>";

    @TempDir
    static Path databaseFolder;

    @TempDir
    Path work;

    @Autowired
    StoryboardRuns runs;

    @Autowired
    RunPodSimulator simulator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportPublisher publisher;

    @Autowired
    StopRequest stop;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + databaseFolder.resolve("report") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    @AfterEach
    void calmEmulator() {
        simulator.observe(null);
        simulator.faults().reset();
    }

    @Test
    void aFinishedRunsReportAddsUpHasARowPerSceneAndABarPerJobAndReferencesNothingOutside() throws Exception {
        Storyboard storyboard = Storyboard.in(work).localScene("intro").sceneWithUndecodableImage("broken").localScene("outro");
        MediaFixtures.png(work.resolve("media/hostile.png"));
        MediaFixtures.wav(work.resolve("media/hostile.wav"), 256, 7);
        Path csv = storyboard.row("hostile,media/hostile.png,media/hostile.wav,\"" + HOSTILE_PROMPT.replace("\"", "\"\"") + "\",480p,20")
                .write("finished.csv");

        JobExecution execution = runs.run(csv);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        long instance = execution.getJobInstance().getInstanceId();
        ReportPage page = ReportPage.of(work.resolve("out/finished-report.html"));
        assertThat(page.sceneIds()).containsExactly("intro", "broken", "outro", "hostile");
        assertTotalsAddUp(page);
        assertThat(page.summary("completed")).isEqualByComparingTo("3");
        assertThat(page.summary("failed")).isEqualByComparingTo("1");
        assertThat(page.sceneRow("broken").selectFirst("td.error").text()).contains("Cannot decode image");
        assertThat(page.sceneRow("hostile").selectFirst("td.prompt").text()).isEqualTo(HOSTILE_PROMPT);
        assertThat(page.attemptBars()).hasSize(ledgerRows(instance));
        assertThat(page.attemptBars("broken")).singleElement().satisfies(bar -> assertThat(bar.hasClass("failed")).isTrue());
        assertThat(page.externalReferences(videoUrls(instance))).isEmpty();
        assertThat(page.sceneRows()).allSatisfy(row -> assertThat(row.select("td.video a, td.video video")).hasSizeLessThanOrEqualTo(2));
        assertThat(page.executionRows()).hasSize(1);
    }

    @Test
    void theWorkersHoldsAndADownloadedVideoAreInTheReportWrittenAgain() throws Exception {
        Path csv = Storyboard.in(work).localScene("held-1").localScene("held-2").write("held.csv");
        JobExecution execution = runs.run(csv);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        long instance = execution.getJobInstance().getInstanceId();
        // The run recorded its hold of the worker, from the enable to the hand-back; here it is handed back two seconds late.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM worker_hold WHERE job_execution_id = ? AND released_at IS NOT NULL",
                Integer.class, execution.getId())).isOne();
        Instant end = execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant();
        jdbc.update("UPDATE worker_hold SET released_at = ? WHERE job_execution_id = ?", Timestamps.of(end.plusSeconds(2)), execution.getId());
        jdbc.update("UPDATE scene_result SET video_file = 'videos/held-1.mp4' WHERE job_instance_id = ? AND scene_id = 'held-1'", instance);

        Path report = publisher.publish(execution.getJobInstance(), null, work.resolve("out"), csv);

        ReportPage page = ReportPage.of(report);
        assertThat(report).isEqualTo(work.resolve("out/held-report.html"));
        assertThat(page.document().select("svg.timeline .worker-enable")).hasSize(1);
        assertThat(page.document().select("svg.timeline .worker-handback")).hasSize(1);
        // Held two seconds past the last job at least: an idle worker, and its cost.
        assertThat(page.summary("active-worker")).isPositive();
        assertThat(page.summaryText("active-worker")).contains("lower bound");
        assertThat(page.sceneRow("held-1").selectFirst("video").attr("src")).isEqualTo("videos/held-1.mp4");
        assertThat(page.sceneRow("held-2").select("video")).isEmpty();
        assertThat(page.externalReferences(videoUrls(instance))).isEmpty();
    }

    @Test
    @DirtiesContext // a stop request lasts as long as its application context
    void aStoppedRunsReportListsTheScenesItDidNotFinish() throws Exception {
        Path csv = Storyboard.in(work).localScene("stop-1").localScene("stop-2").localScene("stop-3", Duration.ofMinutes(2))
                .localScene("stop-4").write("stopped.csv");
        ObservedTraffic.of(simulator).onNth(3, ObservedTraffic.runOfScenes("stop-"), request -> stop.request());

        JobExecution stopped = runs.run(csv);

        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
        ReportPage page = ReportPage.of(work.resolve("out/stopped-report.html"));
        assertThat(page.sceneIds()).containsExactly("stop-1", "stop-2", "stop-3", "stop-4");
        assertTotalsAddUp(page);
        assertThat(page.summary("not-finished")).isEqualByComparingTo("2");
        assertThat(page.sceneRow("stop-3").selectFirst("td.status").text()).isEqualTo("IN_PROGRESS");
        assertThat(page.attemptBars("stop-3")).singleElement().satisfies(bar -> assertThat(bar.hasClass("live")).isTrue());
        assertThat(page.attemptBars()).hasSize(ledgerRows(stopped.getJobInstance().getInstanceId()));
        assertThat(page.executionRows()).singleElement().satisfies(row -> assertThat(row.text()).contains("STOPPED"));
    }

    @Test
    void aRunThatFailedInAnOutageHasItsReportAndTheRestartsReportCoversBothExecutions() throws Exception {
        Path csv = Storyboard.in(work).localScene("outage-1").localScene("outage-2").localScene("outage-3", Duration.ofMinutes(2))
                .localScene("outage-4").write("outage.csv");
        ObservedTraffic.of(simulator).onNth(3, ObservedTraffic.runOfScenes("outage-"), request -> simulator.faults().setUnavailable(true));
        JobExecution failed = runs.run(csv);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        Path report = work.resolve("out/outage-report.html");
        assertThat(ReportPage.of(report).summary("not-finished")).isEqualByComparingTo("2");
        Files.delete(report);

        simulator.faults().setUnavailable(false);
        JobExecution restarted = runs.run(csv);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        ReportPage page = ReportPage.of(report);
        assertTotalsAddUp(page);
        assertThat(page.summary("completed")).isEqualByComparingTo("4");
        assertThat(page.executionRows()).hasSize(2);
        assertThat(page.executionRows().get(0).text()).contains("FAILED");
        assertThat(page.executionRows().get(1).text()).contains("COMPLETED");
        assertThat(page.document().select("svg.timeline g.execution")).hasSize(2);
        assertThat(page.attemptBars()).hasSize(ledgerRows(restarted.getJobInstance().getInstanceId())).hasSizeGreaterThanOrEqualTo(4);
        assertThat(page.summary("wall-time")).isPositive();
    }

    /** Every scene counted once; the scenes' costs add up to the total, each rounded to a hundredth of a cent. */
    private static void assertTotalsAddUp(ReportPage page) {
        BigDecimal scenes = page.summary("scenes");
        assertThat(page.sceneRows()).hasSize(scenes.intValue());
        assertThat(page.summary("completed").add(page.summary("failed")).add(page.summary("reused")).add(page.summary("not-finished")))
                .isEqualByComparingTo(scenes);
        assertThat(page.sceneCostTotal()).isCloseTo(page.summary("cost"),
                Offset.offset(new BigDecimal("0.00005").multiply(scenes).add(new BigDecimal("0.00005"))));
        assertThat(page.summary("gpu-time")).isPositive();
    }

    private int ledgerRows(long instance) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM scene_submission WHERE job_instance_id = ?", Integer.class, instance);
    }

    private List<String> videoUrls(long instance) {
        return jdbc.queryForList("SELECT video_url FROM scene_result WHERE job_instance_id = ? AND video_url IS NOT NULL", String.class,
                instance);
    }
}
