package com.storystudio.batch.estimate;

import java.util.List;

/**
 * What a run of an input would take, before anything is spent. Seconds are GPU or wall-clock seconds of the
 * endpoint; every figure with its range.
 *
 * @param scenes            the input's scenes
 * @param toGenerate        those a run would pay for: the others already have a video of the same content on
 *                          this endpoint (the run reuses it) or cannot be read (they fail without a job)
 * @param reused            scenes with such a video
 * @param audioSeconds      the audio of the scenes to generate, unknown lengths counted as the average
 * @param unknownAudio      scenes to generate whose audio length could not be read
 * @param averageAudio      what each of those was counted as
 * @param rates             one per resolution and step count among the scenes to generate
 * @param modelLoad         a worker's first job loads the model, in its billed execution
 * @param workerStart       seconds before a new worker takes its first job
 * @param gpuSeconds        the jobs' execution, model loads included: what RunPod bills
 * @param costDollars       the GPU seconds at {@code gpuPricePerHour}
 * @param makespanSeconds   from the first submission to the last video
 * @param gpuPricePerHour   the price the cost was computed at
 */
public record Estimate(String input, int scenes, int toGenerate, int reused, double audioSeconds, int unknownAudio,
                       double averageAudio, Workers workers, List<PairRate> rates, Rate modelLoad, Rate workerStart,
                       Span gpuSeconds, Span costDollars, Span makespanSeconds, double gpuPricePerHour) {

    public Estimate {
        rates = List.copyOf(rates);
    }

    public int workerCount() {
        return workers.count();
    }
}
