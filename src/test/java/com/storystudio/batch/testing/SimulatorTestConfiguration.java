package com.storystudio.batch.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.simulator.RunPodSimulator;

/** An emulator bean, and the RunPod client's connection to it instead of the configured endpoint. */
@TestConfiguration(proxyBeanMethods = false)
public class SimulatorTestConfiguration {

    @Bean(destroyMethod = "close")
    RunPodSimulator runPodSimulator() {
        return RunPodSimulator.start(TestSimulators.fast());
    }

    @Bean
    @Primary
    RunPodConnection emulatorConnection(RunPodSimulator simulator) {
        return TestSimulators.connectionTo(simulator);
    }
}
