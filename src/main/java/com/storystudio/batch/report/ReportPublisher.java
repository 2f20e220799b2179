package com.storystudio.batch.report;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.stereotype.Component;

/** Writes an input's report, {@code <output-dir>/<name>-report.html}, from what the database holds of its job instance. */
@Component
public class ReportPublisher {

    private final RunReports reports;
    private final AtomicReference<Path> lastWritten = new AtomicReference<>();
    private final AtomicReference<RunReport> lastReport = new AtomicReference<>();

    public ReportPublisher(RunReports reports) {
        this.reports = reports;
    }

    /**
     * @param current   the execution now ending, as its listener holds it; null when none is
     * @param outputDir where the report goes
     * @return the report's path
     */
    public Path publish(JobInstance instance, JobExecution current, Path outputDir, Path input) {
        ReportFile file = ReportFile.forInput(outputDir, input);
        RunReport report = reports.gather(instance, current, file.folder());
        file.write(HtmlReport.render(report));
        lastWritten.set(file.path());
        lastReport.set(report);
        return file.path();
    }

    /** What the report this process wrote last says, for the summary. */
    public Optional<RunReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    /** The report this process wrote last, for the summary. */
    public Optional<Path> lastWritten() {
        return Optional.ofNullable(lastWritten.get());
    }
}
