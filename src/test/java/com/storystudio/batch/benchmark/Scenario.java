package com.storystudio.batch.benchmark;

import com.storystudio.batch.simulator.SimulatorSettings;

/**
 * One benchmark case: a storyboard of {@code scenes} distinct scenes generated on an emulated endpoint.
 *
 * @param maxInFlight null leaves {@code --max-in-flight} out, so the application's default is measured
 */
public record Scenario(String name, String description, int scenes, SimulatorSettings emulator, Integer maxInFlight) {

    public Scenario {
        if (scenes < 1) {
            throw new IllegalArgumentException("a scenario needs at least one scene, was " + scenes);
        }
    }

    public int workers() {
        return emulator.workersMax();
    }

    /** The same case with another number of scenes, for quick runs. */
    public Scenario withScenes(int count) {
        return new Scenario(name, description, count, emulator, maxInFlight);
    }

    /** The same case with other random draws of service times (and faults). */
    public Scenario withSeed(long seed) {
        return new Scenario(name, description, scenes, emulator.withRandomSeed(seed), maxInFlight);
    }
}
