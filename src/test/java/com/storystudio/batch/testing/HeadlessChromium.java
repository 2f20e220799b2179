package com.storystudio.batch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Debian's chromium, headless, driven over the DevTools protocol (the JDK's own WebSocket client) as a person's
 * browser would open a page: what the page logged as an error, threw, or failed to load, is collected. Started with
 * the flags that keep it off the network and out of the machine's profiles.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Process process;
    private final List<String> stderr;
    private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private int nextId;
    private String pageSession;

    private HeadlessChromium(Process process, URI devTools, List<String> stderr) throws Exception {
        this.process = process;
        this.stderr = stderr;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(devTools, new Messages()).get(TIMEOUT.toSeconds(),
                TimeUnit.SECONDS);
    }

    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** @param profile a fresh folder for the browser's profile */
    public static HeadlessChromium start(Path profile) throws Exception {
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--remote-debugging-port=0", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<URI> devTools = new CompletableFuture<>();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> readStderr(process, devTools, lines), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new HeadlessChromium(process, devTools.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), lines);
        }
        catch (Exception e) {
            stop(process);
            synchronized (lines) {
                throw new IllegalStateException("chromium did not open its DevTools endpoint; it said: " + lines, e);
            }
        }
    }

    /**
     * Opens the page in a new tab and waits for its load event; then every error it caused: console errors,
     * uncaught exceptions, and the browser's own error entries (a resource that failed to load, for one).
     */
    public List<String> errorsOpening(URI page) throws Exception {
        String target = call(null, "Target.createTarget", params().put("url", "about:blank")).path("targetId").asString();
        String session = call(null, "Target.attachToTarget", params().put("targetId", target).put("flatten", true)).path("sessionId").asString();
        pageSession = session;
        List<JsonNode> events = new ArrayList<>();
        for (String domain : List.of("Runtime", "Log", "Page")) {
            call(session, domain + ".enable", params(), events);
        }
        JsonNode navigated = call(session, "Page.navigate", params().put("url", page.toString()), events);
        if (!navigated.path("errorText").asString("").isEmpty()) {
            return List.of("navigation failed: " + navigated.path("errorText").asString());
        }
        await(message -> session.equals(message.path("sessionId").asString(null)) && message.path("method").asString("").equals("Page.loadEventFired"),
                events);
        // A round trip after the load: whatever the page reported before it is in by the time the answer is.
        call(session, "Runtime.evaluate", params().put("expression", "document.readyState"), events);
        return events.stream().filter(event -> session.equals(event.path("sessionId").asString(null))).map(HeadlessChromium::error)
                .filter(error -> !error.isEmpty()).toList();
    }

    /** The value of a JavaScript expression in the page last opened, as text (to check what was rendered). */
    public String evaluate(String expression) throws Exception {
        return call(pageSession, "Runtime.evaluate", params().put("expression", expression).put("returnByValue", true))
                .path("result").path("value").asString();
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
    }

    private static String error(JsonNode event) {
        JsonNode params = event.path("params");
        return switch (event.path("method").asString("")) {
            case "Runtime.consoleAPICalled" -> params.path("type").asString("").equals("error") || params.path("type").asString("").equals("assert")
                    ? "console." + params.path("type").asString() + ": " + params.path("args").toString() : "";
            case "Runtime.exceptionThrown" -> "exception: " + params.path("exceptionDetails").toString();
            case "Log.entryAdded" -> params.path("entry").path("level").asString("").equals("error")
                    ? "log: " + params.path("entry").path("text").asString() + " " + params.path("entry").path("url").asString("") : "";
            default -> "";
        };
    }

    private ObjectNode params() {
        return json.createObjectNode();
    }

    private JsonNode call(String session, String method, ObjectNode params) throws Exception {
        return call(session, method, params, new ArrayList<>());
    }

    /** Sends a command and waits for its answer; the events that come in meanwhile go to {@code events}. */
    private JsonNode call(String session, String method, ObjectNode params, List<JsonNode> events) throws Exception {
        int id = ++nextId;
        ObjectNode command = json.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        if (session != null) {
            command.put("sessionId", session);
        }
        socket.sendText(json.writeValueAsString(command), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = await(message -> message.path("id").asInt(-1) == id, events);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.path("error"));
        }
        return answer.path("result");
    }

    private JsonNode await(Predicate<JsonNode> wanted, List<JsonNode> events) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            JsonNode message = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new IllegalStateException("chromium did not answer within " + TIMEOUT + "; it said: " + stderrLines());
            }
            if (wanted.test(message)) {
                return message;
            }
            events.add(message);
        }
    }

    private List<String> stderrLines() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    private static void readStderr(Process process, CompletableFuture<URI> devTools, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                Matcher matcher = DEVTOOLS.matcher(line);
                if (matcher.find()) {
                    devTools.complete(URI.create(matcher.group(1)));
                }
            }
        }
        catch (IOException e) {
            devTools.completeExceptionally(e);
        }
        devTools.completeExceptionally(new IllegalStateException("chromium ended"));
    }

    /** Ends the browser this test started, and the processes it started. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whole messages from the socket, parsed, in the order they came. */
    private final class Messages implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(json.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
