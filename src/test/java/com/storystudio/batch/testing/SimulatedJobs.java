package com.storystudio.batch.testing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import com.storystudio.batch.simulator.SimulatedJob;

/** Reads the emulator's job journal the way the tests ask about it: per scene, told apart by prompt. */
public final class SimulatedJobs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimulatedJobs() {
    }

    public static String prompt(SimulatedJob job) {
        return JSON.readTree(job.inputJson()).path("prompt").asString("");
    }

    /** How many remote jobs were created per prompt. */
    public static Map<String, Long> countByPrompt(List<SimulatedJob> jobs) {
        return jobs.stream().collect(Collectors.groupingBy(SimulatedJobs::prompt, Collectors.counting()));
    }
}
