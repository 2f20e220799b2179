package com.storystudio.batch.report;

import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.summary.SummaryNote;

/** The report's path as a line of the summary, once the run has written it. */
@Component
@Order(0)
public class ReportNote implements SummaryNote {

    private final ReportPublisher publisher;

    public ReportNote(ReportPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public String label() {
        return "report";
    }

    @Override
    public Optional<String> text() {
        return publisher.lastWritten().map(Object::toString);
    }
}
