package com.storystudio.batch.inbox;

/**
 * What became of one file of the inbox, one line of the night's summary.
 *
 * @param file     its name in the inbox
 * @param outcome  in words: {@code completed}, {@code already done}, {@code input rejected}, {@code stopped}
 * @param scenes   its scenes' counts, or what is known instead; empty when nothing is
 * @param exitCode what a run of this file alone would have exited with; -1 for a file not run (the night was stopped)
 */
public record NightLine(String file, String outcome, String scenes, int exitCode) {
}
