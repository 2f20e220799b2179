package com.storystudio.batch.result;

/** How many scenes of a job instance have a recorded outcome, by outcome. */
public record ResultCounts(int completed, int failed) {
}
