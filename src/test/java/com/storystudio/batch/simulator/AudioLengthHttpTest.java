package com.storystudio.batch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.storystudio.batch.testing.MediaFixtures;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generation time follows the audio's length through the real /run route: 150 s per 5-second clip at 480p and
 * 20 steps, with no spread and no model load, so each job's execution time is exactly its clips times 150 s.
 * Three workers start at 60 s and take the jobs at once.
 */
class AudioLengthHttpTest {

    private final ManualClock clock = new ManualClock();
    private RunPodSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = RunPodSimulator.start(SimulatorSettings.defaults().withServiceTimeCv(0)
                .withModelLoad(Duration.ZERO), clock);
        client = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aTwelveSecondWavRendersThreeClipsAndTakesThreeTimesAsLongAsAOneClipJob() throws Exception {
        String twelveSeconds = client.submit(input(Base64.getEncoder().encodeToString(wav(12_000))),
                SimulatorClient.LONG_TIMEOUT);
        String tiny = client.submit(input(SimulatorClient.WAV_BASE64), SimulatorClient.LONG_TIMEOUT);

        clock.setSeconds(60 + 450);
        assertThat(client.status(twelveSeconds).get("executionTime").longValue()).isEqualTo(450_000);
        assertThat(client.status(tiny).get("executionTime").longValue()).isEqualTo(150_000);
        assertThat(client.status(twelveSeconds).get("status").stringValue()).isEqualTo("COMPLETED");

        List<Duration> executions = simulator.jobs().stream()
                .map(job -> Duration.between(job.startedAt(), job.finishedAt())).toList();
        assertThat(executions.get(0)).isEqualTo(executions.get(1).multipliedBy(3));
    }

    @Test
    void theLengthIsReadFromDataUrisAndUrlSafeBase64ButNotFromUrls() throws Exception {
        String urlSafe = Base64.getUrlEncoder().encodeToString(wav(11_000));
        assertThat(urlSafe).containsAnyOf("-", "_");
        String threeClips = client.submit(input(urlSafe), SimulatorClient.LONG_TIMEOUT);
        // MIME base64 breaks its lines, written as \r\n escapes inside the JSON string.
        String mime = Base64.getMimeEncoder().encodeToString(wav(5_001)).replace("\r\n", "\\r\\n");
        String twoClips = client.submit(input("data:audio/wav;base64," + mime), SimulatorClient.LONG_TIMEOUT);
        String oneClip = client.submit(SimulatorClient.validInput(), SimulatorClient.LONG_TIMEOUT);

        clock.setSeconds(60 + 450);
        assertThat(client.status(threeClips).get("executionTime").longValue()).isEqualTo(450_000);
        assertThat(client.status(twoClips).get("executionTime").longValue()).isEqualTo(300_000);
        assertThat(client.status(oneClip).get("executionTime").longValue()).isEqualTo(150_000);
    }

    @Test
    void aRejectedInputFailsFastWhateverItsAudioLength() throws Exception {
        String rejected = client.submit("{\"image\":\"bm90IGFuIGltYWdl\",\"audio\":\""
                + Base64.getEncoder().encodeToString(wav(30_000)) + "\"}", SimulatorClient.LONG_TIMEOUT);

        clock.setSeconds(63);
        assertThat(client.status(rejected).get("status").stringValue()).isEqualTo("FAILED");
        assertThat(client.status(rejected).get("executionTime").longValue()).isEqualTo(3_000);
    }

    private static byte[] wav(long millis) {
        return MediaFixtures.speechWav(Duration.ofMillis(millis), millis);
    }

    private static String input(String audio) {
        return "{\"image\":\"https://example.com/character.png\",\"audio\":\"" + audio
                + "\",\"prompt\":\"Person speaking\",\"resolution\":\"480p\",\"sample_steps\":20}";
    }
}
