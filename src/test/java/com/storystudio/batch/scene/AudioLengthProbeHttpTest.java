package com.storystudio.batch.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatorSettings;
import com.storystudio.batch.testing.MediaFixtures;
import com.storystudio.batch.testing.Storyboard;

/**
 * The lengths of audio given as URLs, read over real HTTP on 127.0.0.1 from the emulator's media (ranges
 * answered, or ignored) and from a scripted server (errors, silence, overlapping requests).
 */
class AudioLengthProbeHttpTest {

    private static final AudioProbeProperties DEFAULTS = new AudioProbeProperties(Duration.ofSeconds(5), 4, Duration.ofSeconds(30));

    @TempDir
    Path work;

    private RunPodSimulator emulator;
    private final Map<String, AtomicInteger> mediaRequests = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        emulator = RunPodSimulator.start(SimulatorSettings.defaults());
        emulator.observe(request -> mediaRequests.computeIfAbsent(request.path(), path -> new AtomicInteger()).incrementAndGet());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void wavAndMp3LengthsReadByRangeRequestsEqualTheLengthsOfTheSameFilesOnDisk() {
        byte[] wav = MediaFixtures.speechWav(Duration.ofMillis(12_345), 1);
        // 1000 frames of 417 bytes: far beyond the head, so only the size from Content-Range gives the length.
        byte[] mp3 = MediaFixtures.cbrMp3(1_000, 300);
        byte[] taggedMp3 = MediaFixtures.cbrMp3(400, 20_000);
        List<URI> urls = List.of(emulator.serveMedia("line.wav", wav), emulator.serveMedia("line.mp3", mp3),
                emulator.serveMedia("tagged.mp3", taggedMp3));

        AudioLengths lengths = probe(DEFAULTS).of(storyboard(urls));

        assertThat(seconds(lengths, urls.get(0))).isEqualTo(local(wav, "line.wav")).isCloseTo(12.345, within(1e-9));
        assertThat(seconds(lengths, urls.get(1))).isEqualTo(local(mp3, "line.mp3")).isCloseTo(MediaFixtures.cbrMp3Seconds(1_000), within(0.1));
        assertThat(seconds(lengths, urls.get(2))).isEqualTo(local(taggedMp3, "tagged.mp3"))
                .isCloseTo(MediaFixtures.cbrMp3Seconds(400), within(0.1));
    }

    @Test
    void aServerThatIgnoresTheRangeGivesTheLengthFromItsFirstBytesAndContentLength() {
        byte[] wav = MediaFixtures.speechWav(Duration.ofSeconds(40), 2);
        byte[] mp3 = MediaFixtures.cbrMp3(2_000, 0);
        List<URI> urls = List.of(emulator.serveMedia("long.wav", wav), emulator.serveMedia("long.mp3", mp3));
        emulator.faults().setIgnoreMediaRanges(true);

        AudioLengths lengths = probe(DEFAULTS).of(storyboard(urls));

        assertThat(seconds(lengths, urls.get(0))).isEqualTo(local(wav, "long.wav")).isCloseTo(40, within(1e-9));
        assertThat(seconds(lengths, urls.get(1))).isEqualTo(local(mp3, "long.mp3"));
    }

    @Test
    void aWholeFileSentWith200IsReadOnlyForItsHeadAndItsConnectionClosed() throws InterruptedException {
        // A WAV header claiming 64 MB of data, followed by that much: far more than any socket buffer holds.
        int dataBytes = 64 * 1024 * 1024;
        byte[] header = Arrays.copyOf(MediaFixtures.speechWav(Duration.ZERO, 9), 44);
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 36 + dataBytes).putInt(40, dataBytes);
        CountDownLatch answered = new CountDownLatch(1);
        AtomicInteger sentWhole = new AtomicInteger();
        try (MediaTestServer server = MediaTestServer.start(exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, header.length + (long) dataBytes);
                OutputStream out = exchange.getResponseBody();
                out.write(header);
                byte[] chunk = new byte[64 * 1024];
                for (int sent = 0; sent < dataBytes; sent += chunk.length) {
                    out.write(chunk);
                }
                out.close();
                sentWhole.incrementAndGet();
            }
            catch (IOException e) {
                // the client closed the connection: what is expected
            }
            finally {
                answered.countDown();
            }
        })) {
            URI url = server.url("/whole.wav");

            AudioLengths lengths = probe(DEFAULTS).of(storyboard(List.of(url)));

            // 8 kHz 8-bit mono: 8000 bytes a second
            assertThat(seconds(lengths, url)).isCloseTo(dataBytes / 8_000.0, within(1e-9));
            assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sentWhole).as("the server could send the whole body: the client read it").hasValue(0);
        }
    }

    @Test
    void eachDistinctUrlIsAskedOnceWhateverTheScenesThatShareIt() {
        URI shared = emulator.serveMedia("shared.wav", MediaFixtures.speechWav(Duration.ofSeconds(3), 3));
        URI own = emulator.serveMedia("own.wav", MediaFixtures.speechWav(Duration.ofSeconds(7), 4));
        URI sharedWithQuery = URI.create(shared + "?take=2");

        AudioLengths lengths = probe(DEFAULTS).of(storyboard(List.of(shared, own, shared, sharedWithQuery, shared)));

        assertThat(mediaRequests.get("/media/shared.wav")).hasValue(2); // the URL with a query is another URL
        assertThat(mediaRequests.get("/media/own.wav")).hasValue(1);
        assertThat(seconds(lengths, shared)).isCloseTo(3, within(1e-9));
        assertThat(seconds(lengths, sharedWithQuery)).isCloseTo(3, within(1e-9));
        assertThat(seconds(lengths, own)).isCloseTo(7, within(1e-9));
    }

    @Test
    void missingFilesServerErrorsAndOtherFormatsCountAsTheAverage() {
        URI missing = URI.create(emulator.baseUrl() + "/media/missing.wav");
        URI image = emulator.serveMedia("picture.wav", MediaFixtures.PNG);
        try (MediaTestServer failing = MediaTestServer.start(exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        })) {
            URI broken = failing.url("/broken.wav");

            AudioLengths lengths = probe(DEFAULTS).of(storyboard(List.of(missing, image, broken)));

            assertThat(lengths.seconds(new MediaRef.Remote(missing))).isEmpty();
            assertThat(lengths.seconds(new MediaRef.Remote(image))).isEmpty();
            assertThat(lengths.seconds(new MediaRef.Remote(broken))).isEmpty();
        }
    }

    @Test
    void aServerThatDoesNotAnswerWithinTheTimeoutCountsAsTheAverageAndTheOthersAreStillRead() {
        CountDownLatch release = new CountDownLatch(1);
        byte[] wav = MediaFixtures.speechWav(Duration.ofSeconds(9), 5);
        try (MediaTestServer server = MediaTestServer.start(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/silent.wav")) {
                await(release);
            }
            MediaTestServer.sendHead(exchange, wav, AudioDuration.HEAD_BYTES);
        })) {
            URI silent = server.url("/silent.wav");
            URI answering = server.url("/answering.wav");
            long started = System.nanoTime();

            AudioLengths lengths = probe(new AudioProbeProperties(Duration.ofMillis(300), 2, Duration.ofSeconds(30)))
                    .of(storyboard(List.of(silent, answering)));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(lengths.seconds(new MediaRef.Remote(silent))).isEmpty();
            assertThat(seconds(lengths, answering)).isCloseTo(9, within(1e-9));
        }
        finally {
            release.countDown();
        }
    }

    @Test
    void theBudgetEndsTheWholeProbeWhateverIsLeft() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        try (MediaTestServer server = MediaTestServer.start(exchange -> {
            asked.incrementAndGet();
            await(release);
            exchange.close();
        })) {
            List<URI> urls = List.of(server.url("/a.wav"), server.url("/b.wav"), server.url("/c.wav"), server.url("/d.wav"));
            long started = System.nanoTime();

            AudioLengths lengths = probe(new AudioProbeProperties(Duration.ofSeconds(20), 1, Duration.ofMillis(400))).of(storyboard(urls));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(urls).allSatisfy(url -> assertThat(lengths.seconds(new MediaRef.Remote(url))).isEmpty());
            assertThat(asked).hasValueLessThan(urls.size());
        }
        finally {
            release.countDown();
        }
    }

    @Test
    void aBudgetOfZeroReadsNoUrlAtAll() {
        URI url = emulator.serveMedia("unread.wav", MediaFixtures.speechWav(Duration.ofSeconds(5), 8));

        AudioLengths lengths = probe(new AudioProbeProperties(Duration.ofSeconds(5), 4, Duration.ZERO)).of(storyboard(List.of(url)));

        assertThat(lengths.seconds(new MediaRef.Remote(url))).isEmpty();
        assertThat(mediaRequests).isEmpty();
    }

    @Test
    void noMoreRequestsOverlapThanTheConcurrency() {
        int concurrency = 2;
        byte[] wav = MediaFixtures.speechWav(Duration.ofSeconds(4), 6);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        // Holds each request until `concurrency` of them are in: the overlap surely reaches the bound, and would
        // show if it went beyond.
        CyclicBarrier together = new CyclicBarrier(concurrency);
        try (MediaTestServer server = MediaTestServer.start(exchange -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                together.await(10, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
            finally {
                // Before answering: the client starts its next request only once it has this answer.
                inFlight.decrementAndGet();
            }
            MediaTestServer.sendHead(exchange, wav, AudioDuration.HEAD_BYTES);
        })) {
            List<URI> urls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                urls.add(server.url("/line-" + i + ".wav"));
            }

            AudioLengths lengths = probe(new AudioProbeProperties(Duration.ofSeconds(15), concurrency, Duration.ofSeconds(30)))
                    .of(storyboard(urls));

            assertThat(mostAtOnce).hasValue(concurrency);
            assertThat(urls).allSatisfy(url -> assertThat(seconds(lengths, url)).isCloseTo(4, within(1e-9)));
        }
    }

    @Test
    void theLogNamesHostAndPathButNeverTheQueryThatMayHoldAToken() {
        Logger logger = (Logger) LoggerFactory.getLogger(AudioLengthProbe.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(logs);
        try {
            URI signed = URI.create(emulator.baseUrl() + "/media/gone.wav?X-Amz-Signature=s3cr3t-token&expires=1");

            probe(DEFAULTS).of(storyboard(List.of(signed)));

            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains(emulator.baseUrl() + "/media/gone.wav").contains("HTTP 404"))
                    .allSatisfy(line -> assertThat(line).doesNotContain("s3cr3t").doesNotContain("expires"));
        }
        finally {
            logger.detachAppender(logs);
            logger.setLevel(level);
        }
    }

    @Test
    void localAudioNeedsNoRequestAndIsReadFromItsFile() {
        Path wav = MediaFixtures.speechWav(work.resolve("project/media/s1.wav"), Duration.ofSeconds(6), 7);
        Storyboard board = Storyboard.in(work.resolve("project"));
        MediaFixtures.png(work.resolve("project/media/s1.png"));
        board.row("s1,media/s1.png,media/s1.wav,Scene s1 speaking,480p,20");

        AudioLengths lengths = probe(DEFAULTS).of(new CsvSceneSource(board.write("local.csv"), SceneRules.defaults()));

        assertThat(lengths.seconds(new MediaRef.Local(wav.toAbsolutePath()))).hasValueCloseTo(6.0, within(1e-9));
        assertThat(mediaRequests).isEmpty();
    }

    private static AudioLengthProbe probe(AudioProbeProperties settings) {
        return new AudioLengthProbe(settings);
    }

    /** A storyboard whose scenes have these audio URLs, in order, and a local image each. */
    private SceneSource storyboard(List<URI> audio) {
        Storyboard board = Storyboard.in(work.resolve("project"));
        for (int i = 0; i < audio.size(); i++) {
            String id = "s" + (i + 1);
            MediaFixtures.png(work.resolve("project/media/" + id + ".png"));
            board.row("%s,media/%s.png,%s,Scene %s speaking,480p,20".formatted(id, id, audio.get(i), id));
        }
        return new CsvSceneSource(board.write("scenes.csv"), SceneRules.defaults());
    }

    private double seconds(AudioLengths lengths, URI url) {
        return lengths.seconds(new MediaRef.Remote(url)).orElseThrow(() -> new AssertionError("no length read for " + url));
    }

    private double local(byte[] content, String name) {
        Path file = MediaFixtures.bytes(work.resolve("local/" + name), content);
        return AudioDuration.of(new MediaRef.Local(file.toAbsolutePath())).orElseThrow();
    }

    private static void await(CountDownLatch release) {
        try {
            release.await(20, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
