package com.storystudio.batch.cli;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import com.storystudio.batch.generation.SystematicFailureException;
import com.storystudio.batch.runpod.RunPodConfigurationException;
import com.storystudio.batch.runpod.RunPodUnavailableException;
import com.storystudio.batch.scene.SceneValidationException;
import com.storystudio.batch.worker.WorkerRestoreException;

/**
 * Spring Batch logs every exception that ends a step at ERROR with its stack trace. For the failures
 * a run expects (an invalid input, a refused key or address, RunPod unreachable, failures that look
 * systematic, a stop, a worker that could not be put back) the summary says what happened, once: here
 * their trace is moved to DEBUG. Any other exception keeps its trace. Installed once Spring Boot has
 * set up logging, which would drop a filter added earlier.
 */
public final class ExpectedFailureLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final List<Class<? extends Throwable>> EXPECTED = List.of(SceneValidationException.class,
            RunPodConfigurationException.class, RunPodUnavailableException.class, SystematicFailureException.class,
            WorkerRestoreException.class, JobInterruptedException.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(DemoteExpected.class::isInstance)) {
            context.addTurboFilter(new DemoteExpected());
        }
    }

    /** After Spring Boot's logging listener. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static boolean isExpected(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable current = cause;
            if (EXPECTED.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    private static final class DemoteExpected extends TurboFilter {

        private static final Logger demoted = LoggerFactory.getLogger("com.storystudio.batch.ExpectedFailure");

        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format, Object[] params,
                                  Throwable failure) {
            if (failure == null || !level.isGreaterOrEqual(Level.WARN) || !logger.getName().startsWith("org.springframework.batch")
                    || !isExpected(failure)) {
                return FilterReply.NEUTRAL;
            }
            demoted.debug("{} (the run's summary says what happened)", format, failure);
            return FilterReply.DENY;
        }
    }
}
