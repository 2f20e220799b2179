package com.storystudio.batch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

import com.storystudio.batch.cost.ActiveWorkerCost;
import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.result.SceneStatus;
import com.storystudio.batch.testing.ReportPage;

/** The page as rendered from a report whose every text is hostile: nothing in it may become markup, a script or a fetch. */
class HtmlReportTest {

    static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");
    static final String HOSTILE_PROMPT = "<script>alert(\"x\")</script> & <b>bold</b>";
    static final String HOSTILE_ERROR = "<img src=http://evil.example/x.png onerror=alert(1)> worker said 'no'";
    static final String WEB_VIDEO = "https://cdn.example/v/s6.mp4?sig=a&b=c";

    @Test
    void everyTextIsEscapedAndNothingIsFetchedButTheVideosOwnLinks() {
        ReportPage page = ReportPage.ofHtml(HtmlReport.render(report()));

        assertThat(page.externalReferences(List.of(WEB_VIDEO))).isEmpty();
        assertThat(page.sceneRow("s2").selectFirst("td.prompt").text()).isEqualTo(HOSTILE_PROMPT);
        assertThat(page.sceneRow("s2").selectFirst("td.error").text()).isEqualTo(HOSTILE_ERROR);
        assertThat(page.document().select("script, img, b")).isEmpty();
        assertThat(page.sceneRow("s3").select("a")).as("a javascript: URL is never a link").isEmpty();
        assertThat(page.sceneRow("s3").selectFirst("td.video").text()).isEqualTo("javascript:alert(1)");
        assertThat(page.sceneRow("s6").selectFirst("td.video a").attr("href")).isEqualTo(WEB_VIDEO);
    }

    @Test
    void aDownloadedVideoPlaysFromItsPathRelativeToTheReport() {
        ReportPage page = ReportPage.ofHtml(HtmlReport.render(report()));

        Element video = page.sceneRow("s1").selectFirst("video");
        assertThat(video).isNotNull();
        assertThat(video.hasAttr("controls")).isTrue();
        assertThat(video.attr("src")).isEqualTo("videos/s1%20%231%3A.mp4");
    }

    @Test
    void theSummaryAddsUpAndTheTimelineHasABarPerJobWithFailuresAndTheWorkersHoldsMarked() {
        RunReport report = report();
        ReportPage page = ReportPage.ofHtml(HtmlReport.render(report));

        assertThat(page.sceneIds()).containsExactly("s1", "s2", "s3", "s4", "s5", "s6");
        assertThat(page.summary("scenes")).isEqualByComparingTo("6");
        assertThat(page.summary("completed")).isEqualByComparingTo("2");
        assertThat(page.summary("reused")).isEqualByComparingTo("1");
        assertThat(page.summary("failed")).isEqualByComparingTo("1");
        assertThat(page.summary("not-finished")).isEqualByComparingTo("2");
        assertThat(page.summary("gpu-time")).isEqualByComparingTo("310");
        assertThat(page.summary("queue-time")).isEqualByComparingTo("45");
        assertThat(page.summary("cost")).isEqualByComparingTo(new GpuPrice(1.89).dollars(310));
        assertThat(page.sceneCostTotal()).isCloseTo(page.summary("cost"), org.assertj.core.data.Offset.offset(new BigDecimal("0.0003")));
        assertThat(page.summary("active-worker")).isEqualByComparingTo(report.activeWorker().idleDollars());
        assertThat(page.summaryText("active-worker")).contains("at least", "lower bound");

        assertThat(page.attemptBars()).hasSize(5);
        assertThat(page.attemptBars("s2")).hasSize(2).allSatisfy(bar -> assertThat(bar.hasClass("failed")).isTrue());
        assertThat(page.document().select("svg.timeline .fail-mark")).hasSize(2);
        assertThat(page.attemptBars("s4")).singleElement().satisfies(bar -> assertThat(bar.hasClass("live")).isTrue());
        assertThat(page.document().select("svg.timeline .worker-enable")).hasSize(2);
        assertThat(page.document().select("svg.timeline .worker-handback")).as("the hold never handed back has none").hasSize(1);
        assertThat(page.document().select("svg.timeline g.execution")).hasSize(2);
    }

    @Test
    void aStoryboardOfMoreScenesThanTheTimelineHasLanesForListsEachInTheTableAndSaysSo() {
        int many = Timeline.MAX_SCENE_LANES + 1;
        List<RunReport.SceneLine> scenes = IntStream.rangeClosed(1, many)
                .mapToObj(i -> scene(i, "m" + i, "Line " + i, SceneStatus.COMPLETED, null, null, WEB_VIDEO, null,
                        List.of(attempt("m" + i, 1, SubmissionState.COMPLETED, i % 50, i % 50 + 5, 1_000L, 4_000L, null))))
                .toList();
        RunReport base = report();
        RunReport large = new RunReport(base.input(), base.endpointId(), 8, base.generatedAt(), base.executions(), scenes, base.holds(),
                base.activeWorker(), base.price(), 10);

        ReportPage page = ReportPage.ofHtml(HtmlReport.render(large));

        assertThat(page.sceneIds()).hasSize(many);
        assertThat(page.attemptBars()).isEmpty();
        assertThat(page.document().select("svg.timeline").text()).contains(many + " scenes: more than " + Timeline.MAX_SCENE_LANES);
        assertThat(page.document().select("svg.timeline path.busy")).hasSize(1);
    }

    @Test
    void queuedAndExecutingSplitTheWallClockSpanInRunPodsProportion() {
        RunReport.Attempt attempt = new RunReport.Attempt("s", 1, SubmissionState.COMPLETED, T0, T0.plusSeconds(2), T0.plusSeconds(102),
                25_000L, 75_000L, null);
        assertThat(attempt.executingFrom(attempt.finishedAt())).isEqualTo(T0.plusSeconds(27));
        RunReport.Attempt unknown = new RunReport.Attempt("s", 1, SubmissionState.FAILED, T0, null, T0.plusSeconds(10), null, null, "x");
        assertThat(unknown.executingFrom(unknown.finishedAt())).as("never accepted, times unknown: all executing").isEqualTo(T0);
    }

    /**
     * Six scenes: generated with a downloaded file, failed twice, reused (with a URL that is not a web link), in
     * progress, pending, generated with RunPod's URL. Two executions, two holds (the second never handed back).
     */
    static RunReport report() {
        GpuPrice price = new GpuPrice(1.89);
        List<RunReport.SceneLine> scenes = List.of(
                scene(1, "s1", "Host smiles", SceneStatus.COMPLETED, null, null, null, "videos/s1 #1:.mp4",
                        List.of(attempt("s1", 1, SubmissionState.COMPLETED, 10, 70, 20_000L, 100_000L, null))),
                scene(2, "s2", HOSTILE_PROMPT, SceneStatus.FAILED, null, HOSTILE_ERROR, null, null,
                        List.of(attempt("s2", 1, SubmissionState.FAILED, 12, 40, 10_000L, 50_000L, HOSTILE_ERROR),
                                attempt("s2", 2, SubmissionState.FAILED, 41, 60, 5_000L, 60_000L, HOSTILE_ERROR))),
                scene(3, "s3", "Reused", SceneStatus.COMPLETED, "job-0-e1", null, "javascript:alert(1)", null, List.of()),
                scene(4, "s4", "Live", SceneStatus.IN_PROGRESS, null, null, null, null,
                        List.of(attempt("s4", 1, SubmissionState.SUBMITTED, 65, -1, null, null, null))),
                scene(5, "s5", "Waiting", SceneStatus.PENDING, null, null, null, null, List.of()),
                scene(6, "s6", "Web", SceneStatus.COMPLETED, null, null, WEB_VIDEO, null,
                        List.of(attempt("s6", 1, SubmissionState.COMPLETED, 15, 50, 10_000L, 100_000L, null))));
        List<RunReport.Execution> executions = List.of(
                new RunReport.Execution(1, BatchStatus.STOPPED, "STOPPED", T0, T0.plusSeconds(62)),
                new RunReport.Execution(2, BatchStatus.COMPLETED, "COMPLETED", T0.plusSeconds(63), T0.plusSeconds(90)));
        List<RunReport.Hold> holds = List.of(new RunReport.Hold(1, 1, T0.plusSeconds(5), T0.plusSeconds(60), true),
                new RunReport.Hold(2, 1, T0.plusSeconds(64), T0.plusSeconds(90), false));
        ActiveWorkerCost worker = ActiveWorkerCost.of(List.of(new ActiveWorkerCost.Hold(T0.plusSeconds(5), T0.plusSeconds(60), 1),
                new ActiveWorkerCost.Hold(T0.plusSeconds(64), T0.plusSeconds(90), 1)), List.of(), 10, price);
        return new RunReport(Path.of("/srv/boards/nightly <1>.csv"), "endpoint-<x>", 7, T0.plusSeconds(91), executions, scenes, holds, worker,
                price, 10);
    }

    private static RunReport.SceneLine scene(int position, String id, String prompt, SceneStatus status, String reusedFrom, String error,
                                             String videoUrl, String videoFile, List<RunReport.Attempt> attempts) {
        Double gpu = attempts.stream().anyMatch(a -> a.executionMs() != null)
                ? attempts.stream().filter(a -> a.executionMs() != null).mapToLong(RunReport.Attempt::executionMs).sum() / 1000.0 : null;
        return new RunReport.SceneLine(position, id, prompt, status, reusedFrom, attempts.size(), error, videoUrl, videoFile, gpu,
                gpu == null ? null : new GpuPrice(1.89).dollars(gpu), attempts);
    }

    private static RunReport.Attempt attempt(String scene, int number, SubmissionState state, int from, int to, Long delayMs, Long executionMs,
                                             String error) {
        return new RunReport.Attempt(scene, number, state, T0.plusSeconds(from), T0.plusSeconds(from), to < 0 ? null : T0.plusSeconds(to),
                delayMs, executionMs, error);
    }
}
