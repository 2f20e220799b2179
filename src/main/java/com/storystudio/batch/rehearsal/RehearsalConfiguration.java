package com.storystudio.batch.rehearsal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.storystudio.batch.runpod.ApiKey;
import com.storystudio.batch.runpod.RunPodConnection;
import com.storystudio.batch.simulator.RunPodSimulator;
import com.storystudio.batch.summary.SummaryNote;

/**
 * {@code --simulate}, wired in one place: the built-in emulator on 127.0.0.1, the client's connection
 * to it in place of the configured endpoint, and the emulator's bill in the summary. The rest of the
 * application does not know whether it talks to RunPod or to the emulator.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("simulate")
public class RehearsalConfiguration {

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
        simulator.faults().setVideoResetRate(faults.videoResetRate());
        simulator.faults().setVideoHttp500Rate(faults.videoHttp500Rate());
        simulator.faults().setVideoTruncationRate(faults.videoTruncationRate());
        return simulator;
    }

    @Bean
    @Primary
    RunPodConnection simulatedConnection(RunPodSimulator simulator) {
        return new RunPodConnection(simulator.baseUrl(), simulator.baseUrl(), simulator.endpointId(), new ApiKey(simulator.apiKey()));
    }

    @Bean
    SummaryNote simulatedBill(RunPodSimulator simulator) {
        return new SimulatedBill(simulator);
    }
}
