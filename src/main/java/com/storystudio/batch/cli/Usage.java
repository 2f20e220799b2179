package com.storystudio.batch.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The text of {@code --help}: each command's synopsis and options, then the settings every command shares. */
final class Usage {

    private static final String PROGRAM = "java -jar storystudio.jar ";

    private Usage() {
    }

    static String text(List<Command> commands) {
        String synopses = commands.stream().map(command -> PROGRAM + command.synopsis())
                .collect(Collectors.joining("\n       ", "Usage: ", "\n"));
        String options = commands.stream().map(Command::optionsHelp).collect(Collectors.joining());
        String exitCodes = Arrays.stream(ExitCode.values())
                .map(code -> "  %d  %s".formatted(code.code(), code.meaning()))
                .collect(Collectors.joining("\n"));
        return synopses + """

                Turns a storyboard CSV (columns scene_id, image, audio, prompt, resolution, sample_steps)
                into talking-head videos on a RunPod Wan2.2 S2V endpoint. Re-running the same command
                after a failed run continues it; after a completed run it reports that the input is done.

                Options:
                """ + options + """
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
