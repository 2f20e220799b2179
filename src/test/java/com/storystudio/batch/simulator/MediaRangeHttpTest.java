package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.storystudio.batch.testing.MediaFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator serves media files as a storage bucket would: byte ranges answered 206 with Content-Range, the
 * whole file without one or when the switch says to ignore them, no API key; and a job whose audio is one of
 * its own media URLs runs as long as that file plays.
 */
class MediaRangeHttpTest {

    private final ManualClock clock = new ManualClock();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final byte[] file = MediaFixtures.speechWav(Duration.ofMillis(12_000), 1);
    private RunPodSimulator simulator;
    private SimulatorClient client;
    private URI url;

    @BeforeEach
    void start() {
        simulator = RunPodSimulator.start(SimulatorSettings.defaults().withServiceTimeCv(0).withModelLoad(Duration.ZERO), clock);
        client = new SimulatorClient(simulator);
        url = simulator.serveMedia("line.wav", file);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aMediaFileIsServedAtTheUrlGivenWithoutAnApiKey() throws Exception {
        assertThat(url).hasToString(simulator.baseUrl() + "/media/line.wav");

        HttpResponse<byte[]> whole = client.getBytes("/media/line.wav");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(file);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    }

    @Test
    void aRangeIsAnsweredWithItsBytesAndTheFilesSize() throws Exception {
        HttpResponse<byte[]> head = range("bytes=0-99");
        HttpResponse<byte[]> tail = range("bytes=-10");
        HttpResponse<byte[]> beyond = range("bytes=0-999999");

        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + file.length);
        assertThat(head.body()).isEqualTo(Arrays.copyOf(file, 100));
        assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes %d-%d/%d".formatted(file.length - 10, file.length - 1, file.length));
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(file, file.length - 10, file.length));
        assertThat(beyond.statusCode()).isEqualTo(206);
        assertThat(beyond.body()).isEqualTo(file);
    }

    @Test
    void aRangeBeyondTheFileIsNotSatisfiableAndAnUnknownFileIsNotFound() throws Exception {
        assertThat(range("bytes=" + file.length + "-").statusCode()).isEqualTo(416);
        assertThat(range("bytes=" + file.length + "-").headers().firstValue("Content-Range")).hasValue("bytes */" + file.length);
        assertThat(client.getBytes("/media/other.wav").statusCode()).isEqualTo(404);
    }

    @Test
    void withTheSwitchOnRangesAreIgnoredAndTheWholeFileComesWith200() throws Exception {
        simulator.faults().setIgnoreMediaRanges(true);

        HttpResponse<byte[]> answer = range("bytes=0-99");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Range")).isEmpty();
        assertThat(answer.body()).isEqualTo(file);
        simulator.faults().reset();
        assertThat(range("bytes=0-99").statusCode()).isEqualTo(206);
    }

    @Test
    void aJobWhoseAudioIsAMediaUrlOfTheEmulatorRunsAsLongAsThatFilePlays() throws Exception {
        String served = client.submit(input(url.toString()), SimulatorClient.LONG_TIMEOUT);
        String elsewhere = client.submit(input("https://media.example/line.wav"), SimulatorClient.LONG_TIMEOUT);

        clock.setSeconds(60 + 450);
        // 12 s of audio: three 5-second clips of 150 s; a URL the emulator does not serve counts as one clip.
        assertThat(client.status(served).get("executionTime").longValue()).isEqualTo(450_000);
        assertThat(client.status(elsewhere).get("executionTime").longValue()).isEqualTo(150_000);
    }

    private HttpResponse<byte[]> range(String range) throws Exception {
        return http.send(client.request("/media/line.wav").header("Range", range).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String input(String audio) {
        return "{\"image\":\"https://example.com/character.png\",\"audio\":\"" + audio
                + "\",\"prompt\":\"Person speaking\",\"resolution\":\"480p\",\"sample_steps\":20}";
    }
}
