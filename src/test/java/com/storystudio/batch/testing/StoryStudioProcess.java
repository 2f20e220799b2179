package com.storystudio.batch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One launch of the jar (see {@link StoryStudioJar}): its process, its log and how to stop it. */
public final class StoryStudioProcess {

    private static final Duration DEATH_TIMEOUT = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 40;

    private final int number;
    private final List<String> arguments;
    private final Process process;
    private final Path log;

    StoryStudioProcess(int number, List<String> arguments, Process process, Path log) {
        this.number = number;
        this.arguments = List.copyOf(arguments);
        this.process = process;
        this.log = log;
    }

    /** 1 for the first launch of a {@link StoryStudioJar}, and so on. */
    public int number() {
        return number;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the process to end and returns its exit code. If it is still running after {@code timeout},
     * kills it and fails with the log's tail.
     */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                sigkill();
                throw new AssertionError("still running after " + timeout + ", killed: " + describe());
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for launch " + number, e);
        }
    }

    /** Waits at most {@code timeout} for the process to end, without killing it: whether it ended. */
    public boolean endsWithin(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for launch " + number, e);
        }
    }

    /** The exit code of a process that has ended; fails if it is still running. */
    public int exitCode() {
        if (process.isAlive()) {
            throw new IllegalStateException("launch " + number + " is still running");
        }
        return process.exitValue();
    }

    /** SIGTERM ({@link Process#destroy()} on Linux), as from {@code kill PID} or a scheduler's stop; does not wait. */
    public void sigterm() {
        process.destroy();
    }

    /**
     * SIGKILL, as from {@code kill -9} or the OOM killer, and waits until the process is gone: once this
     * returns, the process can neither read another answer nor write anything.
     */
    public void sigkill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(DEATH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("launch " + number + " (pid " + pid() + ") survived SIGKILL for " + DEATH_TIMEOUT);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing launch " + number, e);
        }
    }

    public Path log() {
        return log;
    }

    /** Everything the process wrote to stdout and stderr so far. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** For assertion messages: which launch, how it ended, where its log is and how the log ends. */
    public String describe() {
        String state = process.isAlive() ? "running" : "exited " + process.exitValue();
        return "launch %d (pid %d, %s) with %s%nlog %s, last %d lines:%n%s".formatted(number, pid(), state,
                String.join(" ", arguments), log, TAIL_LINES, tail(TAIL_LINES));
    }

    @Override
    public String toString() {
        return "launch " + number + " (pid " + pid() + ")";
    }
}
