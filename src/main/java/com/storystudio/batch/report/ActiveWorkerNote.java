package com.storystudio.batch.report;

import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.storystudio.batch.cost.ActiveWorkerCost;
import com.storystudio.batch.summary.SummaryNote;

/**
 * What keeping the active worker added to the run's cost, as a line of the summary beside its GPU time: an active
 * worker is billed while it waits, which the jobs' GPU time does not count. Taken from the report the run just wrote.
 */
@Component
@Order(-1)
public class ActiveWorkerNote implements SummaryNote {

    private final ReportPublisher publisher;

    public ActiveWorkerNote(ReportPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public String label() {
        return "held worker";
    }

    @Override
    public Optional<String> text() {
        return publisher.lastReport().map(RunReport::activeWorker).filter(ActiveWorkerCost::anyHeld).map(ActiveWorkerNote::line);
    }

    static String line(ActiveWorkerCost cost) {
        if (cost.idleWorkerSeconds() < 1) {
            return String.format(Locale.ROOT, "the active worker was kept %.2f h, with jobs running all the while: nothing billed on top "
                    + "of the GPU time that can be told apart", cost.heldWorkerSeconds() / 3600);
        }
        return String.format(Locale.ROOT, "the active worker was kept %.2f h; at least %.2f h of it idle, about $%s on top of the GPU time",
                cost.heldWorkerSeconds() / 3600, cost.idleWorkerSeconds() / 3600, cost.idleDollars().setScale(2, RoundingMode.HALF_UP)
                        .toPlainString());
    }
}
