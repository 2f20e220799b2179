package com.storystudio.batch.cli;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar storystudio.jar ...} once the application has started: runs the {@link Command} the
 * arguments ask for and sets the process's exit code. The arguments were checked before the start
 * ({@link EarlyAnswer}); they are checked again here for whoever starts the application otherwise.
 * Boot's own job runner is off: it would not turn {@code --input=...} into job parameters.
 */
@Component
@ConditionalOnBooleanProperty(name = "storystudio.command.enabled", matchIfMissing = true)
public class StoryStudioCommandLine implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(StoryStudioCommandLine.class);

    private final List<Command> commands;
    private final EarlyAnswer answers = new EarlyAnswer(System.out, System.err);
    private ExitCode exitCode = ExitCode.SUCCESS;

    public StoryStudioCommandLine(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    @Override
    public void run(ApplicationArguments applicationArguments) {
        try {
            exitCode = execute(ParsedArguments.of(applicationArguments.getSourceArgs()), new CommandArguments(applicationArguments));
        }
        catch (UsageException e) {
            exitCode = answers.usageError(List.of(e.getMessage()));
        }
        catch (Exception e) {
            log.error("Unexpected error: {}", e.getMessage(), e);
            exitCode = ExitCode.INTERNAL_ERROR;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }

    private ExitCode execute(ParsedArguments parsed, CommandArguments arguments) throws Exception {
        Optional<ExitCode> answered = answers.commandLine(parsed);
        if (answered.isPresent()) {
            return answered.get();
        }
        CommandSpec asked = ArgumentCheck.commandOf(parsed);
        Command command = commands.stream().filter(candidate -> candidate.spec().equals(asked)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no command runs " + asked.describe()));
        return command.execute(arguments);
    }
}
