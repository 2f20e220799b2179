package com.storystudio.batch.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * The fields a log line carries besides its message (the SLF4J MDC): with
 * {@code --logging.structured.format.console=ecs} (or {@code logstash}) each becomes a field of the JSON line;
 * the plain pattern does not show them. Set for the span of code they are true for, on the thread that runs it,
 * and put back as they were afterwards: a window thread handles many scenes one after another.
 */
public final class LogFields {

    /** The input file of the run. */
    public static final String INPUT = "input";
    /** Spring Batch's job execution id. */
    public static final String EXECUTION_ID = "job_execution_id";
    /** The scene's {@code scene_id} from the CSV. */
    public static final String SCENE_ID = "scene_id";
    /** The RunPod job the scene's line is about. */
    public static final String RUNPOD_JOB_ID = "runpod_job_id";

    private LogFields() {
    }

    /** Runs {@code action} with {@code fields} on this thread's lines (a null value: the field is absent), then restores them. */
    public static <T, E extends Exception> T with(Map<String, String> fields, Work<T, E> action) throws E {
        Map<String, String> before = new LinkedHashMap<>();
        fields.keySet().forEach(key -> before.put(key, MDC.get(key)));
        try {
            fields.forEach(LogFields::set);
            return action.get();
        }
        finally {
            before.forEach(LogFields::set);
        }
    }

    public static void run(Map<String, String> fields, Runnable action) {
        with(fields, () -> {
            action.run();
            return null;
        });
    }

    /** The scene's fields; {@code runpodJobId} null while it has no job. */
    public static Map<String, String> scene(String sceneId, String runpodJobId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(SCENE_ID, sceneId);
        fields.put(RUNPOD_JOB_ID, runpodJobId);
        return fields;
    }

    /** Sets one field within a {@link #with} that restores it: a job id learnt in the middle of a scene's turn. */
    public static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        }
        else {
            MDC.put(key, value);
        }
    }

    /** {@code task} with the fields of the thread that calls this, for a task another thread runs. */
    public static Runnable carried(Runnable task) {
        Map<String, String> fields = MDC.getCopyOfContextMap();
        if (fields == null || fields.isEmpty()) {
            return task;
        }
        return () -> run(fields, task);
    }

    /** {@code task} with the fields of the thread that calls this, for a task another thread runs. */
    public static <T> Supplier<T> carried(Supplier<T> task) {
        Map<String, String> fields = MDC.getCopyOfContextMap();
        if (fields == null || fields.isEmpty()) {
            return task;
        }
        return () -> with(fields, task::get);
    }

    /** Code that runs with fields, and may throw what it throws without them. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T get() throws E;
    }
}
