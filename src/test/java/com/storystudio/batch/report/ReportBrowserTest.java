package com.storystudio.batch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.storystudio.batch.testing.HeadlessChromium;

/**
 * The report opened in a real browser, headless Debian chromium, as from a mail attachment (a file:// URL, no
 * network): it must render without a single console error. A deliberately broken page shows that the check
 * would see one.
 */
class ReportBrowserTest {

    @TempDir
    Path work;

    @BeforeEach
    void needsChromium() {
        assumeTrue(HeadlessChromium.installed(), "chromium is not installed at " + HeadlessChromium.EXECUTABLE
                + ", so the report is not rendered in a real browser (apt-get install chromium; .ci/run installs it where apt-get exists)");
    }

    @Test
    void theReportRendersInChromiumWithoutAnyConsoleError() throws Exception {
        Path report = Files.writeString(work.resolve("report.html"), HtmlReport.render(HtmlReportTest.report()), StandardCharsets.UTF_8);
        Files.createDirectories(work.resolve("videos"));
        Files.write(work.resolve("videos/s1 #1:.mp4"), new byte[0]);

        try (HeadlessChromium browser = HeadlessChromium.start(work.resolve("profile"))) {
            List<String> errors = browser.errorsOpening(report.toUri());

            assertThat(errors).isEmpty();
            assertThat(browser.evaluate("String(document.querySelectorAll('svg.timeline g.attempt').length)")).isEqualTo("5");
            assertThat(browser.evaluate("String(document.querySelector('svg.timeline').getBBox().width > 500)")).isEqualTo("true");
            assertThat(browser.evaluate("document.querySelector('#scenes tr[data-scene=s2] td.prompt').textContent"))
                    .isEqualTo(HtmlReportTest.HOSTILE_PROMPT);
        }
    }

    @Test
    void aConsoleErrorAnExceptionAndAFileThatFailsToLoadAreEachSeen() throws Exception {
        Path broken = Files.writeString(work.resolve("broken.html"), """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>broken</title></head><body>
                <script>console.error("logged on purpose")</script>
                <script>throw new Error("thrown on purpose")</script>
                <img src="missing-on-purpose.png" alt="">
                </body></html>
                """, StandardCharsets.UTF_8);

        try (HeadlessChromium browser = HeadlessChromium.start(work.resolve("profile"))) {
            List<String> errors = browser.errorsOpening(broken.toUri());

            assertThat(errors).anySatisfy(error -> assertThat(error).startsWith("console.error").contains("logged on purpose"))
                    .anySatisfy(error -> assertThat(error).startsWith("exception").contains("thrown on purpose"))
                    .anySatisfy(error -> assertThat(error).startsWith("log:").contains("missing-on-purpose.png"));
        }
    }
}
