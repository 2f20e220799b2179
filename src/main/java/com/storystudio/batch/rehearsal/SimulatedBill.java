package com.storystudio.batch.rehearsal;

import java.util.Optional;

import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.simulator.SimulatorStats;
import com.storystudio.batch.summary.SummaryNote;

/** The emulator's exact bill for the rehearsal, as a line of the summary. */
final class SimulatedBill implements SummaryNote {

    private final RunPodSimulator simulator;

    SimulatedBill(RunPodSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public String label() {
        return "simulated";
    }

    @Override
    public Optional<String> text() {
        SimulatorStats stats = simulator.stats();
        return Optional.of("GPU worker time billed %.2f h (about $%.2f at the emulator's rate), of which %.0f%% idle"
                .formatted(stats.billedWorkerSeconds() / 3600, stats.estimatedCostDollars(),
                        stats.billedWorkerSeconds() == 0 ? 0.0 : 100 * stats.idleWorkerSeconds() / stats.billedWorkerSeconds()));
    }
}
