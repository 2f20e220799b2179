package com.storystudio.batch.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import com.storystudio.batch.result.ResultsCsvFile;

/**
 * The job parameters of a run. A job instance is identified by the input's real path, its content
 * hash and the endpoint, not by an incrementer: re-running the same command after a failure
 * restarts that instance, an edited CSV is new work, and a rehearsal on the simulator never counts
 * as done for the real endpoint. The output folder does not identify anything.
 *
 * @param regeneration set by {@code --regenerate}: a run of its own (identified by when it was
 *                     asked for) that reuses no video from other runs
 * @param cancelOnStop {@code --cancel-on-stop}, for this launch only
 * @param download     {@code --download}, for this launch only: a re-run without it continues the same run
 * @param replaces     the job instance of the same storyboard this run starts over from, since its run was
 *                     abandoned (Spring Batch restarts no ABANDONED instance); null for the first run of the storyboard
 */
public record RunParameters(Path input, String inputSha256, String endpointId, Path outputDir, String regeneration,
                            boolean cancelOnStop, boolean download, Long replaces) {

    private static final JobKeyGenerator JOB_KEYS = new DefaultJobKeyGenerator();

    public static final String INPUT_PATH = "input.path";
    public static final String INPUT_SHA256 = "input.sha256";
    public static final String ENDPOINT_ID = "runpod.endpoint";
    public static final String REGENERATION = "regeneration";
    public static final String OUTPUT_DIR = "output.dir";
    public static final String CANCEL_ON_STOP = "cancel.on.stop";
    public static final String DOWNLOAD = "download";
    public static final String REPLACES = "replaces.instance";

    /** @throws IOException when the input cannot be read */
    public static RunParameters of(Path input, String endpointId, Path outputDir) throws IOException {
        Path real = input.toRealPath();
        return new RunParameters(real, sha256(real), endpointId, outputDir.toAbsolutePath().normalize(), null, false, false, null);
    }

    public static RunParameters from(JobParameters parameters) {
        return new RunParameters(Path.of(parameters.getString(INPUT_PATH)), parameters.getString(INPUT_SHA256),
                parameters.getString(ENDPOINT_ID), Path.of(parameters.getString(OUTPUT_DIR)), parameters.getString(REGENERATION),
                Boolean.parseBoolean(parameters.getString(CANCEL_ON_STOP)), Boolean.parseBoolean(parameters.getString(DOWNLOAD)),
                parameters.getLong(REPLACES));
    }

    public RunParameters withRegeneration(String label) {
        return new RunParameters(input, inputSha256, endpointId, outputDir, label, cancelOnStop, download, replaces);
    }

    public RunParameters withCancelOnStop(boolean cancel) {
        return new RunParameters(input, inputSha256, endpointId, outputDir, regeneration, cancel, download, replaces);
    }

    public RunParameters withDownload(boolean fetch) {
        return new RunParameters(input, inputSha256, endpointId, outputDir, regeneration, cancelOnStop, fetch, replaces);
    }

    /** The run that starts over from the abandoned {@code instanceId}: a job instance of its own. */
    public RunParameters replacing(long instanceId) {
        return new RunParameters(input, inputSha256, endpointId, outputDir, regeneration, cancelOnStop, download, instanceId);
    }

    /**
     * What a process claims while it works on this storyboard ({@code run_owner.run_key}): the same for every run that
     * started over from another, so that one claim guards them all.
     */
    public String claimKey() {
        return JOB_KEYS.generateKey(new RunParameters(input, inputSha256, endpointId, outputDir, regeneration, false, false, null)
                .toJobParameters());
    }

    /** Where this run's results CSV goes: {@code <output-dir>/<input name>-results.csv}. */
    public ResultsCsvFile resultsCsv() {
        return ResultsCsvFile.forInput(outputDir, input);
    }

    /** Same input, content and endpoint: runs of the same storyboard, regenerated or not. */
    public boolean sameStoryboard(RunParameters other) {
        return input.equals(other.input) && inputSha256.equals(other.inputSha256) && endpointId.equals(other.endpointId);
    }

    public JobParameters toJobParameters() {
        JobParametersBuilder builder = new JobParametersBuilder()
                .addString(INPUT_PATH, input.toString())
                .addString(INPUT_SHA256, inputSha256)
                .addString(ENDPOINT_ID, endpointId);
        if (regeneration != null) {
            builder.addString(REGENERATION, regeneration);
        }
        if (replaces != null) {
            builder.addLong(REPLACES, replaces);
        }
        return builder
                .addString(OUTPUT_DIR, outputDir.toString(), false)
                .addString(CANCEL_ON_STOP, Boolean.toString(cancelOnStop), false)
                .addString(DOWNLOAD, Boolean.toString(download), false)
                .toJobParameters();
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
