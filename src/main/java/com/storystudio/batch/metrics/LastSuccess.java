package com.storystudio.batch.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.storystudio.batch.job.StoryStudioJobConfiguration;

/**
 * {@code storystudio.last.success.timestamp} (Prometheus: {@code storystudio_last_success_timestamp_seconds}): when
 * an execution of the job last ended COMPLETED, for any input, as the job database knows it. Read at the end of every
 * execution, so that the push at the end carries it, a failed run's too: the "no successful run in 26 h" alert then
 * fires on a value, not on a series gone missing. Not read at start: a launch that runs nothing touches no table for
 * it. Absent while the database has no success.
 */
@Component
public class LastSuccess {

    static final String NAME = "storystudio.last.success.timestamp";

    private static final Logger log = LoggerFactory.getLogger(LastSuccess.class);

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final AtomicLong epochSecond = new AtomicLong();
    private final AtomicBoolean registered = new AtomicBoolean();

    public LastSuccess(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** Reads the last success from the job database (after an execution's end, which may be it). */
    void refresh() {
        try {
            // Spring Batch's own table: its JobRepository has no "last success of any instance" question.
            Timestamp last = jdbc.queryForObject("SELECT MAX(END_TIME) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i "
                    + "ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED' "
                    + "AND e.EXIT_CODE = 'COMPLETED'", Timestamp.class, StoryStudioJobConfiguration.JOB_NAME);
            if (last != null) {
                succeededAt(last.toInstant());
            }
        }
        catch (RuntimeException e) {
            log.debug("No last success read from the job database: {}", e.toString());
        }
    }

    void succeededAt(Instant when) {
        epochSecond.accumulateAndGet(when.getEpochSecond(), Math::max);
        // Once: Micrometer warns at a second registration of the same gauge, on every run's console.
        if (registered.compareAndSet(false, true)) {
            Gauge.builder(NAME, epochSecond, AtomicLong::get).baseUnit("seconds")
                    .description("When an execution of the job last ended COMPLETED (Unix time)").register(registry);
        }
    }
}
