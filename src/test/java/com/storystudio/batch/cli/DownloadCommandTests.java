package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.StoryStudioApplication;
import com.storystudio.batch.download.Mp4Signature;
import com.storystudio.batch.simulator.ObservedRequest;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.VideoFault;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.RemoteCommand;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/** {@code --download} as a user runs it: every video on disk, named by its scene, recorded in the results, fetched once. */
@ExtendWith(OutputCaptureExtension.class)
class DownloadCommandTests {

    private static final Predicate<ObservedRequest> VIDEO = ObservedTraffic.route("VIDEO");

    @TempDir
    Path work;

    private RunPodSimulator remote;
    private RemoteCommand command;
    private ObservedTraffic traffic;

    @BeforeEach
    void startRemoteEndpoint() {
        remote = RunPodSimulator.start(TestSimulators.fast());
        command = RemoteCommand.against(remote, work);
        traffic = ObservedTraffic.of(remote);
    }

    @AfterEach
    void stopRemoteEndpoint() {
        remote.close();
    }

    @Test
    void everyVideoEndsOnDiskAsItsSceneAndTheRerunDownloadsNothing(CapturedOutput output) throws IOException {
        Path csv = Storyboard.in(work).localScene("opening").localScene("middle").remoteScene("closing").write("film.csv");
        // A reset and a truncated body on the way: tried again, they leave whole files and nothing else.
        remote.faults().failNextVideos(VideoFault.RESET_MID_BODY, 1);

        assertThat(command.run("--input=" + csv, "--download", "--storystudio.download.retry-delay=1ms")).isZero();

        assertThat(output.getOut()).contains("run COMPLETED");
        assertEveryVideoOnDisk("film", "opening", "middle", "closing");
        assertThat(traffic.count(VIDEO)).isEqualTo(4);

        remote.faults().failNextVideos(VideoFault.TRUNCATED, 1);
        assertThat(command.run("--input=" + csv, "--download")).isZero();

        assertThat(output.getOut()).contains("already done");
        assertThat(traffic.count(VIDEO)).as("no video requested again").isEqualTo(4);
        assertEveryVideoOnDisk("film", "opening", "middle", "closing");

        // A file broken since (an editor saved over it) is fetched again, and only that one.
        Files.writeString(work.resolve("out/videos/middle.mp4"), "not a video any more");
        assertThat(command.run("--input=" + csv, "--download")).isZero();

        assertThat(traffic.count(VIDEO)).isEqualTo(6);
        assertEveryVideoOnDisk("film", "opening", "middle", "closing");
    }

    @Test
    void aVideoThatKeepsFailingLeavesItsSceneCompletedWithItsUrlAndTheRerunFetchesIt(CapturedOutput output) throws IOException {
        Path csv = Storyboard.in(work).localScene("stubborn").write("stubborn.csv");
        remote.faults().failNextVideos(VideoFault.HTTP_500, 1_000);

        assertThat(command.run("--input=" + csv, "--download", "--storystudio.download.attempts=2",
                "--storystudio.download.retry-delay=1ms")).isZero();

        assertThat(output.getAll()).contains("Scene stubborn: its video could not be downloaded (HTTP 500 (after 2 tries))");
        assertThat(results("stubborn")).singleElement().satisfies(row -> {
            assertThat(row.get("status")).isEqualTo("COMPLETED");
            assertThat(row.get("video_url")).startsWith(remote.baseUrl() + "/videos/");
            assertThat(row.get("video_file")).isEmpty();
        });
        assertThat(work.resolve("out/videos/stubborn.mp4")).doesNotExist();

        remote.faults().reset();
        assertThat(command.run("--input=" + csv, "--download")).isZero();

        assertThat(output.getOut()).contains("already done");
        assertEveryVideoOnDisk("stubborn", "stubborn");
    }

    @Test
    void aVideoToReuseThatIsGoneIsGeneratedAgain(CapturedOutput output) throws IOException {
        Storyboard storyboard = Storyboard.in(work).localScene("again-1").localScene("again-2");
        Path first = storyboard.write("first.csv");
        assertThat(command.run("--input=" + first)).isZero();
        int jobs = remote.jobs().size();
        // The same scenes in another storyboard would reuse those videos, but the storage has lost them.
        Path second = storyboard.write("second.csv");
        remote.faults().setVideosGone(true);

        assertThat(command.run("--input=" + second)).isZero();

        assertThat(output.getOut()).contains("Scene again-1: the video of RunPod job", "is gone");
        assertThat(remote.jobs()).hasSize(jobs + 2);
        assertThat(results("second")).allSatisfy(row -> assertThat(row.get("reused_from")).isEmpty());
    }

    @Test
    void aRehearsalWithSimulateAndDownloadEndsWithEveryVideoOnDisk() throws IOException {
        Path csv = Storyboard.in(work).localScene("rehearsed-1").localScene("rehearsed-2").write("rehearsal.csv");

        assertThat(StoryStudioApplication.launch("--input=" + csv, "--simulate", "--download", "--output-dir=" + work.resolve("out"),
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/simulate") + ";DB_CLOSE_ON_EXIT=FALSE")).isZero();

        assertEveryVideoOnDisk("rehearsal", "rehearsed-1", "rehearsed-2");
    }

    private void assertEveryVideoOnDisk(String input, String... scenes) throws IOException {
        Path videos = work.resolve("out/videos");
        for (String scene : scenes) {
            assertThat(Mp4Signature.startsFile(videos.resolve(scene + ".mp4"))).as(scene).isTrue();
        }
        try (Stream<Path> files = Files.list(videos)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(results(input)).extracting(row -> row.get("video_file"))
                .containsExactly(Stream.of(scenes).map(scene -> "videos/" + scene + ".mp4").toArray(String[]::new));
    }

    private List<CSVRecord> results(String input) throws IOException {
        try (Reader in = Files.newBufferedReader(work.resolve("out/" + input + "-results.csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
