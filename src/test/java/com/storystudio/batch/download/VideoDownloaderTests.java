package com.storystudio.batch.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.simulator.ObservedRequest;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.VideoFault;
import com.storystudio.batch.testing.ManualTime;
import com.storystudio.batch.testing.ObservedTraffic;
import com.storystudio.batch.testing.TestSimulators;

/**
 * The downloader against the emulator's video storage over real HTTP on 127.0.0.1, with its faults: whatever goes
 * wrong on the way, a video ends on disk whole or not at all, and no temporary file is left behind. The waits
 * between tries are a manual clock's, so they take no time.
 */
class VideoDownloaderTests {

    private static final Predicate<ObservedRequest> VIDEO_GET = request -> request.route().equals("VIDEO") && request.method().equals("GET");

    @TempDir
    Path output;

    private final ManualTime time = new ManualTime();
    private RunPodSimulator remote;
    private ObservedTraffic traffic;
    private VideoDownloader downloader;
    private String videoUrl;
    private byte[] served;

    @BeforeEach
    void aFinishedJobWhoseVideoIsServed() throws Exception {
        remote = RunPodSimulator.start(TestSimulators.fast(), time::elapsedNanos);
        videoUrl = finishedJobVideo();
        served = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(videoUrl)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        traffic = ObservedTraffic.of(remote);
        downloader = new VideoDownloader(settings(4), time);
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    @Test
    void aVideoIsSavedAsItsSceneWhole() throws IOException {
        DownloadOutcome outcome = downloader.download(new VideoFile(output, "opening"), videoUrl, false);

        assertThat(outcome).isEqualTo(new DownloadOutcome("videos/opening.mp4", true, null));
        assertThat(Files.readAllBytes(output.resolve("videos/opening.mp4"))).isEqualTo(served);
        assertThat(Mp4Signature.startsFile(output.resolve("videos/opening.mp4"))).isTrue();
        assertNoTemporaryFiles();
    }

    @Test
    void aConnectionResetMidBodyIsTriedAgain() throws IOException {
        remote.faults().failNextVideos(VideoFault.RESET_MID_BODY, 2);

        assertSavedAfter(3);
    }

    @Test
    void aServerErrorIsTriedAgain() throws IOException {
        remote.faults().failNextVideos(VideoFault.HTTP_500, 3);

        assertSavedAfter(4);
    }

    @Test
    void aBodyShorterThanItsContentLengthIsTriedAgain() throws IOException {
        remote.faults().failNextVideos(VideoFault.TRUNCATED, 1);

        assertSavedAfter(2);
    }

    @Test
    void whenEveryTryFailsNothingIsSavedAndTheOutcomeSaysWhy() throws IOException {
        remote.faults().failNextVideos(VideoFault.TRUNCATED, 10);

        DownloadOutcome outcome = downloader.download(new VideoFile(output, "lost"), videoUrl, false);

        assertThat(outcome.onDisk()).isFalse();
        assertThat(outcome.problem()).contains("after 4 tries");
        assertThat(traffic.count(VIDEO_GET)).isEqualTo(4);
        assertThat(output.resolve("videos/lost.mp4")).doesNotExist();
        assertNoTemporaryFiles();
    }

    @Test
    void aVideoThatIsGoneIsNotTriedAgain() {
        DownloadOutcome outcome = downloader.download(new VideoFile(output, "gone"), remote.baseUrl() + "/videos/no-such-job.mp4", false);

        assertThat(outcome.problem()).startsWith("HTTP 404");
        assertThat(traffic.count(VIDEO_GET)).isEqualTo(1);
    }

    @Test
    void aWholeFileAlreadyThereIsKeptWithoutAnyRequest() throws IOException {
        downloader.download(new VideoFile(output, "again"), videoUrl, false);
        long before = traffic.count(VIDEO_GET);

        DownloadOutcome outcome = downloader.download(new VideoFile(output, "again"), videoUrl, true);

        assertThat(outcome).isEqualTo(new DownloadOutcome("videos/again.mp4", false, null));
        assertThat(traffic.count(VIDEO_GET)).isEqualTo(before);
    }

    @Test
    void aBrokenFileAlreadyThereIsFetchedAgain() throws IOException {
        Path broken = output.resolve("videos/broken.mp4");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "<html>Bad gateway</html>");

        DownloadOutcome outcome = downloader.download(new VideoFile(output, "broken"), videoUrl, true);

        assertThat(outcome.fetched()).isTrue();
        assertThat(Files.readAllBytes(broken)).isEqualTo(served);
    }

    @Test
    void temporaryFilesAKilledProcessLeftAreClearedByTheFirstDownloadIntoTheFolder() throws IOException {
        Path leftover = output.resolve("videos/.killed.mp4.0f1e.tmp");
        Files.createDirectories(leftover.getParent());
        Files.write(leftover, new byte[100]);
        // Written by a process that died before this one started.
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        downloader.download(new VideoFile(output, "other-scene"), videoUrl, false);

        assertNoTemporaryFiles();
    }

    @Test
    void aTemporaryFileWrittenSinceThisProcessStartedIsAnotherLiveRunsAndStays() throws IOException {
        Path inProgress = output.resolve("videos/.elsewhere.mp4.77aa.tmp");
        Files.createDirectories(inProgress.getParent());
        Files.write(inProgress, new byte[100]);

        downloader.download(new VideoFile(output, "mine"), videoUrl, false);

        assertThat(inProgress).exists();
        assertThat(output.resolve("videos/mine.mp4")).exists();
    }

    @Test
    void severalDownloadsAtOnceWithResetsAmongThemAllEndWhole() throws IOException {
        remote.faults().failNextVideos(VideoFault.RESET_MID_BODY, 3);
        try (VideoDownloads downloads = new VideoDownloads(new VideoDownloader(settings(2), time))) {
            List<CompletableFuture<DownloadOutcome>> all = Stream.of("a", "b", "c", "d", "e")
                    .map(scene -> downloads.fetch(new VideoFile(output, scene), videoUrl, false, outcome -> outcome)).toList();

            assertThat(all).allSatisfy(download -> assertThat(download.join().onDisk()).isTrue());
        }
        assertThat(Files.list(output.resolve("videos")).map(file -> file.getFileName().toString()))
                .containsExactlyInAnyOrder("a.mp4", "b.mp4", "c.mp4", "d.mp4", "e.mp4");
    }

    @Test
    void aProbeTellsAVideoThatIsThereFromOneThatIsGoneFromNoAnswer() throws IOException {
        VideoProbe probe = new VideoProbe(settings(1));
        Path saved = output.resolve("saved.mp4");
        Files.write(saved, served);
        Path broken = output.resolve("broken.mp4");
        Files.writeString(broken, "not a video");

        assertThat(probe.check(videoUrl)).isEqualTo(VideoProbe.Answer.THERE);
        assertThat(probe.check(remote.baseUrl() + "/videos/no-such-job.mp4")).isEqualTo(VideoProbe.Answer.GONE);
        assertThat(probe.check(saved.toUri().toString())).isEqualTo(VideoProbe.Answer.THERE);
        assertThat(probe.check(broken.toUri().toString())).isEqualTo(VideoProbe.Answer.GONE);
        assertThat(probe.check("http://127.0.0.1:1/videos/x.mp4")).isEqualTo(VideoProbe.Answer.UNKNOWN);
        assertThat(traffic.count(VIDEO_GET)).as("a HEAD is enough for the emulator").isZero();
        remote.faults().setVideosGone(true);
        assertThat(probe.check(videoUrl)).isEqualTo(VideoProbe.Answer.GONE);
    }

    private void assertSavedAfter(int gets) throws IOException {
        DownloadOutcome outcome = downloader.download(new VideoFile(output, "scene-1"), videoUrl, false);

        assertThat(outcome.onDisk()).as(String.valueOf(outcome.problem())).isTrue();
        assertThat(traffic.count(VIDEO_GET)).isEqualTo(gets);
        assertThat(Files.readAllBytes(output.resolve("videos/scene-1.mp4"))).isEqualTo(served);
        assertNoTemporaryFiles();
    }

    @Test
    void videosFromOneServerShareItsConnection() throws IOException {
        Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
        HttpServer storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        storage.createContext("/", exchange -> {
            clients.add(exchange.getRemoteAddress());
            exchange.sendResponseHeaders(200, served.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(served);
            }
        });
        storage.start();
        try {
            String base = "http://127.0.0.1:" + storage.getAddress().getPort() + "/";
            for (String scene : List.of("one", "two", "three", "four")) {
                assertThat(downloader.download(new VideoFile(output, scene), base + scene + ".mp4", false).fetched()).isTrue();
            }
        }
        finally {
            storage.stop(0);
        }
        // A connection per video costs a handshake and a server thread each: thousands in a large run.
        assertThat(clients).hasSize(1);
    }

    private void assertNoTemporaryFiles() throws IOException {
        Path videos = output.resolve("videos");
        if (Files.isDirectory(videos)) {
            try (Stream<Path> files = Files.list(videos)) {
                assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
            }
        }
    }

    private static DownloadProperties settings(int concurrency) {
        return new DownloadProperties(concurrency, 4, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(2));
    }

    /** One job through the emulator's API, its simulated time moved past its end. */
    private String finishedJobVideo() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String input = "{\"input\":{\"image\":\"https://example.com/face.png\",\"audio\":\"https://example.com/voice.mp3\","
                + "\"prompt\":\"hello\",\"resolution\":\"480p\",\"sample_steps\":20},\"policy\":{\"executionTimeout\":3600000}}";
        HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create(remote.baseUrl() + "/v2/" + remote.endpointId() + "/run"))
                .header("Authorization", "Bearer " + remote.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(input)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(run.statusCode()).isEqualTo(200);
        time.advance(Duration.ofHours(1));
        // Reading the journal brings the simulation up to the clock: the job has ended and its video exists.
        assertThat(remote.jobs()).singleElement().satisfies(job -> assertThat(job.status()).isEqualTo("COMPLETED"));
        return remote.jobs().get(0).videoUrl();
    }
}
