package com.storystudio.batch.cli;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The text of {@code --help}. */
final class Usage {

    private Usage() {
    }

    static String text() {
        String exitCodes = Arrays.stream(ExitCode.values())
                .map(code -> "  %d  %s".formatted(code.code(), code.meaning()))
                .collect(Collectors.joining("\n"));
        return """
                Usage: java -jar storystudio.jar --input=FILE [options]
                       java -jar storystudio.jar --restore-worker [--runpod.* options]

                Turns a storyboard CSV (columns scene_id, image, audio, prompt, resolution, sample_steps)
                into talking-head videos on a RunPod Wan2.2 S2V endpoint. Re-running the same command
                after a failed run continues it; after a completed run it reports that the input is done.

                Options:
                  --input=FILE                    the scenes CSV (required)
                  --output-dir=DIR                results CSV, and videos returned inline (default: output)
                  --simulate                      use the built-in RunPod emulator instead of the cloud
                  --max-in-flight=N               scenes on RunPod at once (default: two per worker of the
                                                  endpoint's workersMax, or 4 if it cannot be read)
                  --submission-order=ORDER        longest-first (default: most audio x steps x pixels first,
                                                  so the workers finish together) or input
                  --regenerate                    pay for new videos even where an earlier run of the same
                                                  scene content has one (otherwise that video is reused)
                  --cancel-on-stop                on SIGTERM/Ctrl-C cancel the jobs in flight on RunPod
                                                  (default: leave them to finish; the re-run picks them up)
                  --restore-worker                put the endpoint's scaling back to what it was before a
                                                  run changed it, now, whatever runs are alive; then exit
                  --runpod.base-url=URL           RunPod API (env RUNPOD_BASE_URL; default https://api.runpod.ai)
                  --runpod.endpoint-id=ID         the serverless endpoint (env RUNPOD_ENDPOINT_ID)
                  --runpod.api-key=KEY            the API key (env RUNPOD_API_KEY; prefer the environment)
                  --runpod.worker-control=MODE    graphql (default), rest or none
                  --runpod.management-url=URL     for worker-control=rest (default https://api.runpod.io)
                  --runpod.poll-interval=DURATION the longest a job's end goes unnoticed (default 10s)
                  --runpod.max-poll-interval=DURATION
                                                  the longest wait between status checks of one job (120s)
                  --runpod.idle-timeout=DURATION  idle timeout set while the worker is enabled (default 300s)
                  --storystudio.tail-idle-timeout=DURATION
                                                  idle timeout once every scene is submitted (default 5s)
                  --runpod.max-attempts=N         remote jobs per scene before it is FAILED (default 3)
                  --spring.datasource.url=URL     job database (default: H2 file under data/)
                  --help                          this text

                Exit codes:
                """ + exitCodes + "\n";
    }
}
