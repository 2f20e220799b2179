package com.storystudio.batch.scene;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the audio lengths of an input's scenes once, before a run or an estimate spends anything. Local files
 * are read from their headers when asked; remote audio is read here, up front: each distinct URL once, by a
 * range request for its head ({@link RemoteAudioHeads}), {@code concurrency} at a time, all within the
 * {@code budget}. A URL that cannot be read in time, refuses, or holds another format counts as the average.
 */
@Component
public class AudioLengthProbe {

    private static final Logger log = LoggerFactory.getLogger(AudioLengthProbe.class);

    private final AudioProbeProperties settings;
    private final RemoteAudioHeads heads;

    public AudioLengthProbe(AudioProbeProperties settings) {
        this.settings = settings;
        this.heads = new RemoteAudioHeads(settings.timeout());
    }

    public AudioLengths of(SceneSource source) {
        if (settings.budget().isZero()) {
            return AudioLengths.local();
        }
        Set<URI> urls = remoteAudio(source);
        return urls.isEmpty() ? AudioLengths.local() : AudioLengths.with(read(urls));
    }

    /** Every distinct audio URL in input order; stops at a row the source cannot read (the check reports it). */
    private static Set<URI> remoteAudio(SceneSource source) {
        Set<URI> urls = new LinkedHashSet<>();
        try (SceneCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                if (cursor.next().audio() instanceof MediaRef.Remote remote) {
                    urls.add(remote.url());
                }
            }
        }
        catch (IOException | SceneValidationException e) {
            log.warn("Reading the audio URLs of {} stopped ({}); audio not read counts as the average length",
                    source.describe(), e.getClass().getSimpleName());
        }
        return urls;
    }

    private Map<URI, Double> read(Set<URI> urls) {
        long started = System.nanoTime();
        List<Callable<Outcome>> tasks = urls.stream().map(url -> (Callable<Outcome>) () -> readOne(url)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.concurrency(), urls.size()), threads());
        Map<URI, Double> seconds = new HashMap<>();
        List<Outcome> unknown = new ArrayList<>();
        int late = 0;
        try {
            for (Future<Outcome> done : pool.invokeAll(tasks, settings.budget().toNanos(), TimeUnit.NANOSECONDS)) {
                try {
                    Outcome outcome = done.get();
                    if (outcome.seconds().isPresent()) {
                        seconds.put(outcome.url(), outcome.seconds().getAsDouble());
                    }
                    else {
                        unknown.add(outcome);
                    }
                }
                catch (CancellationException | ExecutionException e) {
                    // Cancelled (or interrupted) when the budget ran out.
                    late++;
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Reading the lengths of remote audio was interrupted; they count as the average");
            return Map.of();
        }
        finally {
            pool.shutdownNow();
        }
        log.info("Read the length of {} of {} remote audio file(s) in {} ms{}{}", seconds.size(), urls.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                unknown.isEmpty() ? "" : "; %d count as the average (%s: %s)".formatted(unknown.size(),
                        LoggedUrl.of(unknown.get(0).url()), unknown.get(0).problem()),
                late == 0 ? "" : "; %d not read within the budget of %s count as the average".formatted(late, settings.budget()));
        return seconds;
    }

    private Outcome readOne(URI url) throws InterruptedException {
        try {
            OptionalDouble seconds = heads.read(url).seconds();
            return seconds.isPresent() ? new Outcome(url, seconds, null) : unknown(url, "neither WAV nor MP3 in its first bytes");
        }
        catch (IOException e) {
            return unknown(url, e.getMessage());
        }
    }

    private static Outcome unknown(URI url, String problem) {
        log.debug("Audio {} counts as the average length: {}", LoggedUrl.of(url), problem);
        return new Outcome(url, OptionalDouble.empty(), problem);
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "audio-probe-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What was learnt of one URL: its length, or why it is not known. */
    private record Outcome(URI url, OptionalDouble seconds, String problem) {
    }
}
