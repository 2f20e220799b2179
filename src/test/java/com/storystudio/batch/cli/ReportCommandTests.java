package com.storystudio.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
import com.storystudio.batch.testing.ReportPage;
import com.storystudio.batch.testing.Storyboard;
import com.storystudio.batch.testing.TestSimulators;

/**
 * {@code report --input=FILE} as a user runs it: the report of any input run before, written again from the job
 * database (an H2 file) after the run's own was deleted; an input never run is a one-line usage error.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReportCommandTests {

    @TempDir
    Path work;

    private RunPodSimulator remote;

    @BeforeEach
    void startRemoteEndpoint() {
        remote = RunPodSimulator.start(TestSimulators.fast());
    }

    @AfterEach
    void stopRemoteEndpoint() {
        remote.close();
    }

    @Test
    void theReportIsWrittenAgainFromTheDatabaseByARelaunchAndByTheReportCommand(CapturedOutput output) throws Exception {
        Path csv = Storyboard.in(work).localScene("first").localScene("second").localScene("third").write("board.csv");
        Path report = work.resolve("out/board-report.html");
        assertThat(command().run("--input=" + csv)).isZero();
        assertThat(output.getOut()).containsPattern("report +" + java.util.regex.Pattern.quote(report.toString()));
        Files.delete(report);

        assertThat(command().run("--input=" + csv)).as("a launch of an input already done").isZero();
        assertThat(output.getOut()).contains("already done");
        assertThat(report).exists();
        Files.delete(report);
        long jobsBefore = remote.stats().runRequests();

        assertThat(command().run("report", "--input=" + csv)).isZero();

        assertThat(output.getOut()).contains("report of " + csv.toRealPath() + " (job instance 1) written to " + report);
        ReportPage page = ReportPage.of(report);
        assertThat(page.sceneIds()).containsExactly("first", "second", "third");
        assertThat(page.summary("completed")).isEqualByComparingTo("3");
        assertThat(page.executionRows()).hasSize(1);
        assertThat(remote.stats().runRequests()).isEqualTo(jobsBefore);
    }

    @Test
    void withoutAnEndpointOrKeyTheReportFindsTheInputsRunsByPathAndContentAndGoesWhereItIsAsked() throws Exception {
        Path csv = Storyboard.in(work).localScene("only").write("solo.csv");
        assertThat(command().run("--input=" + csv)).isZero();
        Path elsewhere = work.resolve("mail");

        assertThat(command().run("--report", "--input=" + csv, "--runpod.endpoint-id=", "--runpod.api-key=", "--output-dir=" + elsewhere))
                .isZero();

        assertThat(ReportPage.of(elsewhere.resolve("solo-report.html")).sceneIds()).containsExactly("only");
    }

    @Test
    void anInputNeverRunOrMissingIsAOneLineErrorWithExitTwo(CapturedOutput output) throws Exception {
        Path never = Storyboard.in(work).localScene("never").write("never.csv");

        assertThat(command().run("report", "--input=" + never)).isEqualTo(2);
        assertThat(output.getErr()).contains("storystudio: no run of " + never.toRealPath() + " with its present content on endpoint "
                + remote.endpointId() + " is in the job database; nothing to report");

        assertThat(command().run("report", "--input=" + work.resolve("gone.csv"))).isEqualTo(2);
        assertThat(output.getErr()).contains("storystudio: cannot read the input file " + work.resolve("gone.csv") + "; nothing to report");
        assertThat(output.getErr().lines().filter(line -> line.startsWith("storystudio: "))).hasSize(2);
        assertThat(output.toString()).doesNotContain("\tat ", "Exception");
        assertThat(work.resolve("out/never-report.html")).doesNotExist();
    }

    private RemoteCommand command() {
        return RemoteCommand.against(remote, work);
    }
}
