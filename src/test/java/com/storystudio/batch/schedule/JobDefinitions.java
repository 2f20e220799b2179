package com.storystudio.batch.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * Reads every file of a {@code jobs/} folder as its scheduler would and says what is wrong: each command line must be
 * a {@code java -jar} the application accepts, and each definition must keep its safeguards (no overlap, a stop
 * timeout above the application's, the key from an environment file or a Secret, never inline). A file of a kind it
 * does not know is a problem too, so that nothing in {@code jobs/} goes unchecked.
 */
final class JobDefinitions {

    static final String ENV_FILE = "/etc/storystudio/storystudio.env";
    /** Kinds of definition a jobs/ folder must have: the crontab, the unit and its timer, the CronJob, the image, the env file. */
    private static final List<String> REQUIRED = List.of(".crontab", ".service", ".timer", ".yaml", "Dockerfile", ".env.example");
    /** A value given to the key: {@code RUNPOD_API_KEY=abc}, {@code RUNPOD_API_KEY: abc}, {@code value: ...} after its name. */
    private static final Pattern INLINE_KEY = Pattern.compile("RUNPOD_API_KEY[ \\t]*[=:][ \\t]*([^\\s#`]+)");

    private final Path folder;
    private final List<String> problems = new ArrayList<>();
    private final List<CommandLine> commandLines = new ArrayList<>();
    private DockerfileInstructions image;

    private JobDefinitions(Path folder) {
        this.folder = folder;
    }

    static JobDefinitions read(Path folder) {
        JobDefinitions definitions = new JobDefinitions(folder);
        definitions.checkAll();
        return definitions;
    }

    List<String> problems() {
        return problems;
    }

    /** Every command line found, checked or not. */
    List<CommandLine> commandLines() {
        return commandLines;
    }

    private void checkAll() {
        List<Path> files = list();
        // The image first: the CronJob's command is the image's entrypoint with the container's args.
        files.stream().filter(file -> name(file).equals("Dockerfile")).forEach(this::dockerfile);
        for (Path file : files) {
            String name = name(file);
            String text = text(file);
            keyNeverInline(name, text);
            if (name.equals("README.md")) {
                readme(text, files);
            }
            else if (name.endsWith(".crontab")) {
                crontab(name, text);
            }
            else if (name.endsWith(".service")) {
                service(name, SystemdUnit.parse(text));
            }
            else if (name.endsWith(".timer")) {
                timer(name, SystemdUnit.parse(text), files);
            }
            else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                kubernetes(name, text);
            }
            else if (name.endsWith(".env.example")) {
                environmentFile(name, text);
            }
            else if (!name.equals("Dockerfile")) {
                problems.add(name + ": no check knows this kind of file; teach JobDefinitions to check it");
            }
        }
        REQUIRED.stream().filter(kind -> files.stream().noneMatch(file -> name(file).endsWith(kind)))
                .forEach(kind -> problems.add("no *%s definition in %s".formatted(kind, folder)));
        commandLines.forEach(command -> problems.addAll(command.problems()));
    }

    private void crontab(String name, String text) {
        List<String> entries = text.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.matches("[A-Z_]+=.*")).toList();
        if (entries.isEmpty()) {
            problems.add(name + ": no crontab entry");
        }
        for (String entry : entries) {
            List<String> words = Arrays.asList(entry.split("\\s+"));
            if (words.size() < 6 || !words.subList(0, 5).stream().allMatch(field -> field.matches("[0-9*/,-]+"))) {
                problems.add(name + ": not five time fields and a command: " + entry);
                continue;
            }
            String command = String.join(" ", words.subList(5, words.size()));
            if (command.matches(".*(?<!\\\\)%.*")) {
                problems.add(name + ": an unescaped % (cron makes it a newline)");
            }
            if (!command.contains("set -a && . " + ENV_FILE + " && set +a")) {
                problems.add(name + ": the environment file is not read (set -a && . " + ENV_FILE + " && set +a)");
            }
            List<String> segment = Arrays.stream(command.split("&&")).map(String::strip).filter(part -> part.contains(" -jar "))
                    .findFirst().map(part -> Arrays.asList(part.split("\\s+"))).orElse(List.of());
            int java = segment.indexOf("java");
            if (java < 0 || !segment.subList(0, java).containsAll(List.of("flock", "-n"))) {
                problems.add(name + ": the java command does not run under flock -n (overlapping nights)");
            }
            int redirect = segment.indexOf(">>");
            commandLines.add(new CommandLine(name, segment.subList(Math.max(java, 0), redirect < 0 ? segment.size() : redirect)));
        }
    }

    private void service(String name, SystemdUnit unit) {
        unit.malformed().forEach(line -> problems.add(name + ": not a unit file line: " + line));
        expect(name, unit.value("Service", "Type"), "oneshot", "Type");
        expect(name, unit.value("Service", "KillSignal"), "SIGTERM", "KillSignal");
        expect(name, unit.value("Service", "EnvironmentFile"), ENV_FILE, "EnvironmentFile");
        if (unit.value("Service", "User").filter(user -> !user.isBlank() && !user.equals("root") && !user.equals("0")).isEmpty()) {
            problems.add(name + ": User= must name a user other than root");
        }
        if (unit.value("Service", "WorkingDirectory").isEmpty()) {
            problems.add(name + ": no WorkingDirectory= (the H2 database's data/ is relative to it)");
        }
        unit.values("Service", "Environment").stream().filter(value -> value.contains("RUNPOD_API_KEY"))
                .forEach(value -> problems.add(name + ": the API key in Environment=; it belongs in the EnvironmentFile"));
        List<String> execStart = unit.values("Service", "ExecStart");
        if (execStart.size() != 1) {
            problems.add(name + ": expected one ExecStart=, found " + execStart.size());
            return;
        }
        if (execStart.get(0).replace("%%", "").contains("%")) {
            problems.add(name + ": a % specifier in ExecStart= (write %% for a %)");
        }
        CommandLine command = new CommandLine(name + " ExecStart", List.of(execStart.get(0).split("\\s+")));
        commandLines.add(command);
        Optional<Duration> stopTimeout = unit.value("Service", "TimeoutStopSec").flatMap(SystemdUnit::timeSpan);
        if (stopTimeout.filter(timeout -> timeout.compareTo(command.stopTimeout()) > 0).isEmpty()) {
            problems.add("%s: TimeoutStopSec=%s must be longer than the application's stop timeout (%d s)".formatted(name,
                    unit.value("Service", "TimeoutStopSec").orElse(""), command.stopTimeout().toSeconds()));
        }
    }

    private void timer(String name, SystemdUnit unit, List<Path> files) {
        unit.malformed().forEach(line -> problems.add(name + ": not a unit file line: " + line));
        expect(name, unit.value("Timer", "Persistent"), "true", "Persistent");
        if (unit.value("Timer", "OnCalendar").isEmpty()) {
            problems.add(name + ": no OnCalendar=");
        }
        String service = unit.value("Timer", "Unit").orElse(name.replace(".timer", ".service"));
        if (files.stream().noneMatch(file -> name(file).equals(service))) {
            problems.add(name + ": starts " + service + ", which is not in " + folder);
        }
    }

    private void dockerfile(Path file) {
        String name = name(file);
        image = DockerfileInstructions.parse(text(file));
        if (image.stages().isEmpty()) {
            problems.add(name + ": no FROM");
            return;
        }
        DockerfileInstructions.Stage last = image.image();
        if (!last.from().split("\\s+")[0].contains("jre")) {
            problems.add(name + ": the image is not a JRE-only one: FROM " + last.from());
        }
        if (last.last("USER").filter(user -> !user.startsWith("root") && !user.startsWith("0")).isEmpty()) {
            problems.add(name + ": the image runs as root (no USER, or USER root)");
        }
        if (image.stages().stream().flatMap(stage -> stage.arguments("RUN").stream())
                .noneMatch(run -> run.contains("-Djarmode=tools -jar") && run.contains("extract --layers"))) {
            problems.add(name + ": the jar's layers are not extracted (java -Djarmode=tools -jar ... extract --layers)");
        }
        Stream.of("ENV", "ARG").flatMap(keyword -> last.arguments(keyword).stream()).filter(value -> value.contains("RUNPOD_API_KEY"))
                .forEach(value -> problems.add(name + ": the API key baked into the image: " + value));
        Optional<List<String>> entrypoint = last.last("ENTRYPOINT").flatMap(DockerfileInstructions::execForm);
        Optional<List<String>> cmd = last.last("CMD").flatMap(DockerfileInstructions::execForm);
        if (entrypoint.isEmpty() || cmd.isEmpty()) {
            problems.add(name + ": ENTRYPOINT and CMD must both be in exec form ([\"java\", ...]) so that SIGTERM reaches java");
            return;
        }
        List<String> words = new ArrayList<>(entrypoint.get());
        words.addAll(cmd.get());
        commandLines.add(new CommandLine(name + " ENTRYPOINT + CMD", words));
    }

    private void kubernetes(String name, String text) {
        for (Object document : new Yaml().loadAll(text)) {
            Yamls node = Yamls.of(document);
            String kind = node.text("kind").orElse("");
            switch (kind) {
                case "CronJob" -> new CronJobCheck(name, node, image, problems, commandLines).check();
                case "PersistentVolumeClaim" -> {
                    // The CronJob's volume: checked through the claim the CronJob names.
                }
                default -> problems.add(name + ": no check knows a " + (kind.isEmpty() ? "document without kind" : kind));
            }
        }
    }

    private void environmentFile(String name, String text) {
        Set<String> names = new TreeSet<>();
        text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            Matcher assignment = Pattern.compile("([A-Z][A-Z0-9_]*)=([^\"' ]*)").matcher(line);
            if (!assignment.matches()) {
                problems.add(name + ": not NAME=value without quotes or spaces (systemd, sh, docker and kubectl read those alike): " + line);
                return;
            }
            names.add(assignment.group(1));
        });
        if (!names.containsAll(List.of("RUNPOD_API_KEY", "RUNPOD_ENDPOINT_ID"))) {
            problems.add(name + ": RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID must be there to fill in");
        }
        if (!text.contains("-m 600") && !text.contains("chmod 600")) {
            problems.add(name + ": say to keep the filled-in file at mode 600");
        }
    }

    /** Its fenced code's {@code java -jar} lines are commands users copy; and it names every definition. */
    private void readme(String text, List<Path> files) {
        boolean fenced = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            else if (fenced && line.strip().startsWith("java -jar ")) {
                commandLines.add(new CommandLine("README.md", List.of(line.strip().split("\\s+"))));
            }
        }
        files.stream().map(JobDefinitions::name).filter(file -> !file.equals("README.md") && !text.contains("`" + file + "`"))
                .forEach(file -> problems.add("README.md: does not say what " + file + " is for"));
    }

    private void keyNeverInline(String name, String text) {
        Matcher inline = INLINE_KEY.matcher(text);
        while (inline.find()) {
            problems.add(name + ": a value for RUNPOD_API_KEY (" + inline.group(1).length() + " characters); the key comes from an "
                    + "environment file or a Secret");
        }
        if (text.contains("--runpod.api-key=")) {
            problems.add(name + ": --runpod.api-key on a command line; the key comes from an environment file or a Secret");
        }
    }

    private void expect(String name, Optional<String> actual, String expected, String key) {
        if (!actual.map(expected::equals).orElse(false)) {
            problems.add("%s: %s=%s, expected %s".formatted(name, key, actual.orElse("(missing)"), expected));
        }
    }

    private List<Path> list() {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path file) {
        return file.getFileName().toString();
    }
}
