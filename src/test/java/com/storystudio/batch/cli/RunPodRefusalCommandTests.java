package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.testing.RemoteCommand;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * A run whose settings RunPod refuses, or that cannot reach RunPod at all: it says what to check, once and without a
 * stack trace, changes nothing on the endpoint and submits nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class RunPodRefusalCommandTests {

    @TempDir
    Path work;

    private RunPodSimulator remote;
    private Path csv;

    @BeforeEach
    void start() {
        remote = RunPodSimulator.start(TestSimulators.fast());
        csv = Storyboard.in(work).localScene("s1").localScene("s2").write("scenes.csv");
    }

    @AfterEach
    void stop() {
        remote.close();
    }

    @Test
    void aRefusedKeyIsAUsageErrorThatNamesWhatToCheckAndChangesNothing(CapturedOutput output) {
        int exit = run(remote.baseUrl().toString(), remote.endpointId(), "not-the-key");

        assertThat(exit).isEqualTo(2);
        assertThat(output.getErr()).contains("RunPod refused the API key (HTTP 401", "RUNPOD_API_KEY", "endpoint id");
        assertNothingSentAndNoTrace(output);
        assertThat(output.toString()).doesNotContain("not-the-key");
    }

    @Test
    void aWrongBaseUrlIsAUsageErrorThatNamesTheUrlCalled(CapturedOutput output) {
        String wrong = remote.baseUrl() + "/v2";

        assertThat(run(wrong, remote.endpointId(), remote.apiKey())).isEqualTo(2);

        assertThat(output.getErr()).contains(wrong + "/v2/" + remote.endpointId() + "/health", "--runpod.base-url", "endpoint id");
        assertNothingSentAndNoTrace(output);
    }

    @Test
    void aWrongEndpointIdIsAUsageError(CapturedOutput output) {
        assertThat(run(remote.baseUrl().toString(), "no-such-endpoint", remote.apiKey())).isEqualTo(2);

        assertThat(output.getErr()).contains("/v2/no-such-endpoint/health", "endpoint id");
        assertNothingSentAndNoTrace(output);
    }

    @Test
    void anUnreachableRunPodEndsTheLaunchAfterTheCallsRetriesWithoutAFalseAlarm(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(run("http://127.0.0.1:" + closedPort, remote.endpointId(), remote.apiKey())).isEqualTo(4);

        assertThat(output.getErr()).contains("RunPod did not answer", "nothing was changed or submitted")
                .doesNotContain("NOT RESTORED", "null");
        assertThat(output.toString()).doesNotContain("\tat ");
    }

    private void assertNothingSentAndNoTrace(CapturedOutput output) {
        assertThat(remote.stats().graphqlRequests()).isZero();
        assertThat(remote.stats().runRequests()).isZero();
        assertThat(remote.stats().workersMinHistory()).containsExactly(0);
        assertThat(output.toString()).doesNotContain("\tat ", "Exception");
    }

    private int run(String baseUrl, String endpointId, String apiKey) {
        return RemoteCommand.at(URI.create(baseUrl), remote, work).run("--input=" + csv, "--runpod.endpoint-id=" + endpointId,
                "--runpod.api-key=" + apiKey, "--runpod.http.retry-max-delay=20ms", "--runpod.http.max-retries=3");
    }
}
