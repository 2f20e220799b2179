package com.storystudio.batch.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.batch.core.BatchStatus;

import com.storystudio.batch.cost.ActiveWorkerCost;
import com.storystudio.batch.cost.GpuPrice;
import com.storystudio.batch.ledger.SubmissionState;
import com.storystudio.batch.result.SceneStatus;

/**
 * What the report shows of an input's job instance, over every execution of it: read from the database once,
 * then rendered ({@link HtmlReport}). Wall-clock times are the application's own; the jobs' queue and execution
 * times are what RunPod reported, in its seconds (the emulator's scaled ones under {@code --simulate}).
 *
 * @param remoteTimeScale RunPod's reported seconds per wall-clock second, as the jobs measured it: 1 for RunPod,
 *                        about the time scale for the emulator ({@link RemoteTimeScale})
 */
public record RunReport(Path input, String endpointId, long jobInstanceId, Instant generatedAt, List<Execution> executions,
                        List<SceneLine> scenes, List<Hold> holds, ActiveWorkerCost activeWorker, GpuPrice price,
                        double remoteTimeScale) {

    public RunReport {
        executions = List.copyOf(executions);
        scenes = List.copyOf(scenes);
        holds = List.copyOf(holds);
    }

    public int completed() {
        return count(scene -> scene.status() == SceneStatus.COMPLETED && !scene.reused());
    }

    public int reused() {
        return count(scene -> scene.status() == SceneStatus.COMPLETED && scene.reused());
    }

    public int failed() {
        return count(scene -> scene.status() == SceneStatus.FAILED);
    }

    public int notFinished() {
        return count(scene -> !scene.status().isFinal());
    }

    /** The time the executions ran, added up (a stopped run's night between two executions is not in it). */
    public Duration wallTime() {
        return executions.stream().map(execution -> execution.duration(generatedAt)).reduce(Duration.ZERO, Duration::plus);
    }

    public double gpuSeconds() {
        return attempts().mapToLong(attempt -> Objects.requireNonNullElse(attempt.executionMs(), 0L)).sum() / 1000.0;
    }

    public double queueSeconds() {
        return attempts().mapToLong(attempt -> Objects.requireNonNullElse(attempt.delayMs(), 0L)).sum() / 1000.0;
    }

    public BigDecimal cost() {
        return price.dollars(gpuSeconds());
    }

    public Stream<Attempt> attempts() {
        return scenes.stream().flatMap(scene -> scene.attempts().stream());
    }

    private int count(java.util.function.Predicate<SceneLine> which) {
        return (int) scenes.stream().filter(which).count();
    }

    /** One execution of the job: a launch of the command. {@code end} is null while it runs. */
    public record Execution(long id, BatchStatus status, String exitCode, Instant start, Instant end) {

        Duration duration(Instant now) {
            Instant until = end != null ? end : now;
            return start == null || until.isBefore(start) ? Duration.ZERO : Duration.between(start, until);
        }
    }

    /**
     * A scene of the input, in input order, with where it stands and every remote job it was given.
     *
     * @param videoFile  the downloaded video, relative to the report's folder; null when not downloaded
     * @param gpuSeconds what RunPod billed for its jobs, failed ones included; null when it reported none
     */
    public record SceneLine(int position, String sceneId, String prompt, SceneStatus status, String reusedFrom, int attemptCount,
                            String error, String videoUrl, String videoFile, Double gpuSeconds, BigDecimal cost,
                            List<Attempt> attempts) {

        public SceneLine {
            attempts = List.copyOf(attempts);
        }

        public boolean reused() {
            return reusedFrom != null;
        }

        /** Null when RunPod reported no queue time for its jobs. */
        public Double queueSeconds() {
            return sum(attempts.stream().map(Attempt::delayMs).filter(Objects::nonNull).toList());
        }

        public Double executionSeconds() {
            return sum(attempts.stream().map(Attempt::executionMs).filter(Objects::nonNull).toList());
        }

        private static Double sum(List<Long> millis) {
            return millis.isEmpty() ? null : millis.stream().mapToLong(Long::longValue).sum() / 1000.0;
        }
    }

    /**
     * One remote job of a scene (a row of the ledger). On the wall clock it spans from when RunPod accepted it
     * (or, never accepted, from when it was sent) to when the run saw it end; that span is split into queued and
     * executing in the proportion of RunPod's delayTime to executionTime, all executing when those are unknown.
     */
    public record Attempt(String sceneId, int number, SubmissionState state, Instant startedAt, Instant acceptedAt,
                          Instant finishedAt, Long delayMs, Long executionMs, String error) {

        public Instant from() {
            return acceptedAt != null ? acceptedAt : startedAt;
        }

        /** Where the span turns from queued to executing. */
        public Instant executingFrom(Instant to) {
            long delay = Objects.requireNonNullElse(delayMs, 0L);
            long execution = Objects.requireNonNullElse(executionMs, 0L);
            if (delayMs == null || executionMs == null || delay + execution <= 0 || !to.isAfter(from())) {
                return from();
            }
            long span = Duration.between(from(), to).toMillis();
            return from().plusMillis(Math.round(span * (double) delay / (delay + execution)));
        }

        /** Ended without a video for its scene, and not merely forgotten by RunPod after it ran ({@link SubmissionState#EXPIRED}). */
        public boolean failed() {
            return switch (state) {
                case FAILED, CANCELLED, TIMED_OUT, VANISHED, NOT_SUBMITTED -> true;
                default -> false;
            };
        }

        /** Still on RunPod as far as the ledger knows: it has no end. */
        public boolean live() {
            return finishedAt == null;
        }
    }

    /**
     * A stretch of time a run kept the endpoint's active worker(s): from the enable to the hand-back.
     *
     * @param to       the hand-back; for a hold never handed back, the end of its execution (or the report's time)
     * @param released whether the hand-back was recorded
     */
    public record Hold(long executionId, int workers, Instant from, Instant to, boolean released) {
    }
}
