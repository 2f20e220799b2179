package com.storystudio.batch.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the built-in emulator on 127.0.0.1 when the command runs with {@code --simulate}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("simulate")
public class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    RunPodSimulator runPodSimulator(SimulatorProperties properties) {
        RunPodSimulator simulator = RunPodSimulator.start(properties.settings());
        SimulatorProperties.Faults faults = properties.faults();
        simulator.faults().setHttp500Rate(faults.http500Rate());
        simulator.faults().setHttp429Rate(faults.http429Rate());
        simulator.faults().setDropConnectionRate(faults.dropConnectionRate());
        simulator.faults().setLostRunResponseRate(faults.lostRunResponseRate());
        simulator.faults().setTransientJobFailureRate(faults.transientJobFailureRate());
        simulator.faults().setJobTimeoutRate(faults.jobTimeoutRate());
        return simulator;
    }
}
