package com.storystudio.batch.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.storystudio.batch.simulator.RunPodSimulator;

/** An emulator bean: the RunPod client connects to it instead of the configured endpoint. */
@TestConfiguration(proxyBeanMethods = false)
public class SimulatorTestConfiguration {

    @Bean(destroyMethod = "close")
    RunPodSimulator runPodSimulator() {
        return RunPodSimulator.start(TestSimulators.fast());
    }
}
