package com.storystudio.batch.ledger;

/**
 * What the ledger says about a job instance's spending.
 *
 * @param submissions         {@code /run} calls that created (or may have created) a remote job
 * @param possibleDuplicates  remote jobs that may exist without our knowing their id: {@code /run}
 *                            answers lost after sending, and submissions interrupted by a crash
 */
public record LedgerTotals(long submissions, long possibleDuplicates) {
}
