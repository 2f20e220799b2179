package com.storystudio.batch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.storystudio.batch.result.SceneResult;
import com.storystudio.batch.result.SceneStatus;

class RunProgressTest {

    private static final Instant START = Instant.parse("2026-11-30T02:00:00Z");

    @Test
    void countsAddUpToTheInputAndTheEtaIsTheWorkLeftOverTheRateMeasuredSoFar() {
        // Ten scenes of 100 units, two done before this run started.
        RunProgress progress = new RunProgress(12, 2, workload(10, 100), START);
        assertThat(progress.line(4, 0, 0, 2, START.plusSeconds(60)).eta()).as("no rate before a scene finished here").isEmpty();

        progress.settled(completed("s1"));
        progress.settled(completed("s2"));
        // 200 units in 100 s: 2 units/s; 800 left: 400 s. The largest left (100) on one of 2 workers: 100 s.
        ProgressLine line = progress.line(3, 7200, 3.78, 2, START.plusSeconds(100));

        assertThat(line.finished()).isEqualTo(4);
        assertThat(line.inFlight()).isEqualTo(3);
        assertThat(line.waiting()).isEqualTo(5);
        assertThat(line.finished() + line.failed() + line.inFlight() + line.waiting()).isEqualTo(line.total());
        assertThat(line.eta()).contains(Duration.ofSeconds(400));
        assertThat(line.text(ZoneOffset.UTC)).isEqualTo(
                "Progress: 4/12 done, 0 failed, 3 in flight, 5 waiting; ETA 02:08 (about 7 min); GPU 2.00 h, about $3.78 so far");
    }

    @Test
    void theTailIsAsLongAsTheLongestSceneLeftOnOneWorkerHoweverFastTheRunWasSoFar() {
        Map<String, Double> work = new LinkedHashMap<>();
        work.put("long", 900.0);
        for (int i = 1; i <= 9; i++) {
            work.put("s" + i, 100.0);
        }
        RunProgress progress = new RunProgress(10, 0, new SceneWorkload(work), START);
        for (int i = 1; i <= 9; i++) {
            progress.settled(completed("s" + i));
        }
        // 900 units in 90 s over 9 workers: 10 units/s in all, 10/9 per worker: the long scene alone takes 810 s.
        assertThat(progress.line(1, 0, 0, 9, START.plusSeconds(90)).eta()).contains(Duration.ofSeconds(810));
    }

    @Test
    void aReusedVideoAndAFailureLeaveTheRateAloneAndAResultSaidTwiceCountsOnce() {
        RunProgress progress = new RunProgress(4, 0, workload(4, 100), START);
        progress.settled(reused("s1"));
        progress.settled(failed("s2"));
        progress.settled(failed("s2"));
        ProgressLine line = progress.line(0, 0, 0, 1, START.plusSeconds(10));

        assertThat(line.finished()).isEqualTo(1);
        assertThat(line.failed()).isEqualTo(1);
        assertThat(line.waiting()).isEqualTo(2);
        assertThat(line.eta()).as("nothing was generated here yet").isEmpty();
        assertThat(line.text(ZoneOffset.UTC)).contains("ETA once a scene has finished");
    }

    @Test
    void aRunWhoseEverySceneEndedSaysSoInsteadOfAnEta() {
        RunProgress progress = new RunProgress(1, 0, workload(1, 50), START);
        progress.settled(completed("s1"));

        assertThat(progress.line(0, 60, 0.03, 1, START.plusSeconds(5)).text(ZoneOffset.UTC))
                .isEqualTo("Progress: 1/1 done, 0 failed, 0 in flight, 0 waiting; every scene ended; GPU 0.02 h, about $0.03 so far");
    }

    @Test
    void timeLeftIsRoundedToWholeMinutesAndHours() {
        assertThat(ProgressLine.about(Duration.ofSeconds(20))).isEqualTo("under a minute");
        assertThat(ProgressLine.about(Duration.ofSeconds(18 * 60 + 10))).isEqualTo("about 18 min");
        assertThat(ProgressLine.about(Duration.ofMinutes(125))).isEqualTo("about 2 h 05 min");
        assertThat(new ProgressLine(0, 0, 0, 1, 1, Optional.empty(), START, 36_000 * 1.5, 0).text(ZoneOffset.UTC))
                .endsWith("GPU 15.0 h, about $0.00 so far");
    }

    private static SceneWorkload workload(int scenes, double each) {
        Map<String, Double> work = new LinkedHashMap<>();
        for (int i = 1; i <= scenes; i++) {
            work.put("s" + i, each);
        }
        return new SceneWorkload(work);
    }

    private static SceneResult completed(String sceneId) {
        return result(sceneId, SceneStatus.COMPLETED, null);
    }

    private static SceneResult reused(String sceneId) {
        return result(sceneId, SceneStatus.COMPLETED, "earlier-job");
    }

    private static SceneResult failed(String sceneId) {
        return result(sceneId, SceneStatus.FAILED, null);
    }

    private static SceneResult result(String sceneId, SceneStatus status, String reusedFrom) {
        return new SceneResult(1, sceneId, status, status == SceneStatus.COMPLETED ? "http://127.0.0.1/v.mp4" : null, "job", null, null,
                "480p", 20, 1, status == SceneStatus.FAILED ? "broken" : null, "f", reusedFrom, 0, null);
    }
}
