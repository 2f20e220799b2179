package com.storystudio.batch.job;

import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Something done at the very end of every execution of the job, however it ended: its {@code afterJob}
 * runs after the worker's restore and after the outcome is recorded, so it sees the run as it ended.
 * A bean of this type is registered on the job without the job knowing what it does (the report, for
 * one), so the job's package depends on none of them. It must not throw: a failure of its own changes
 * nothing of how the run ended.
 */
public interface RunEndListener extends JobExecutionListener {
}
