package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's video storage over real HTTP: a small valid MP4 with its length, HEAD, byte ranges, and its faults. */
class VideoServingHttpTest {

    private final ManualClock clock = new ManualClock();
    private RunPodSimulator simulator;
    private SimulatorClient client;
    private String path;

    @BeforeEach
    void aFinishedJob() throws Exception {
        simulator = RunPodSimulator.start(SimulatorSettings.defaults().withServiceTimeCv(0), clock);
        client = new SimulatorClient(simulator);
        String id = client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);
        clock.setSeconds(900);
        assertThat(client.status(id).get("status").stringValue()).isEqualTo("COMPLETED");
        path = "/videos/" + id + ".mp4";
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aVideoIsAnMp4WithItsLengthAndHeadSaysTheSameWithoutTheBody() throws Exception {
        HttpResponse<byte[]> video = client.getBytes(path);
        HttpResponse<byte[]> head = client.send(client.request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(new String(Arrays.copyOfRange(video.body(), 4, 8))).isEqualTo("ftyp");
        assertThat(video.headers().firstValueAsLong("Content-Length")).hasValue(video.body().length);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(video.body().length);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aSingleByteRangeIsServedAsSuchAndOneBeyondTheEndIsRefused() throws Exception {
        byte[] whole = client.getBytes(path).body();

        HttpResponse<byte[]> first = ranged("bytes=0-0");
        HttpResponse<byte[]> tail = ranged("bytes=-4");
        HttpResponse<byte[]> beyond = ranged("bytes=" + whole.length + "-");

        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.body()).containsExactly(whole[0]);
        assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-0/" + whole.length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 4, whole.length));
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.length);
    }

    @Test
    void scriptedFaultsHitTheNextGetsOnlyThenTheVideoIsServedAgain() throws Exception {
        simulator.faults().failNextVideos(VideoFault.HTTP_500, 1);
        assertThat(client.getBytes(path).statusCode()).isEqualTo(500);

        simulator.faults().failNextVideos(VideoFault.TRUNCATED, 1);
        assertThatThrownBy(() -> client.getBytes(path)).isInstanceOf(IOException.class);

        simulator.faults().failNextVideos(VideoFault.RESET_MID_BODY, 1);
        assertThatThrownBy(() -> client.getBytes(path)).isInstanceOf(IOException.class);

        assertThat(client.getBytes(path).statusCode()).isEqualTo(200);
    }

    @Test
    void videosCanBeMadeToLookExpired() throws Exception {
        simulator.faults().setVideosGone(true);

        assertThat(client.getBytes(path).statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> ranged(String range) throws IOException, InterruptedException {
        return client.send(client.request(path).header("Range", range).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
