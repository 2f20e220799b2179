package com.storystudio.batch.ledger;

/**
 * What the ledger says about a job instance's spending.
 *
 * @param submissions         {@code /run} calls that created (or may have created) a remote job
 * @param possibleDuplicates  remote jobs that may exist without our knowing their id: {@code /run}
 *                            answers lost after sending, submissions interrupted by a crash, and jobs
 *                            that vanished while the run watched them
 * @param expired             jobs an earlier run left in flight whose result expired before a restart
 *                            collected it: each ran (and may have been paid for) without giving its scene a video
 * @param gpuSeconds          the execution time RunPod reported for the jobs that ended, failed ones included: what
 *                            the GPU billed for them
 * @param queueSeconds        the time those jobs waited in RunPod's queue (delayTime)
 */
public record LedgerTotals(long submissions, long possibleDuplicates, long expired, double gpuSeconds, double queueSeconds) {
}
