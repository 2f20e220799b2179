package com.storystudio.batch.runpod;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A bare HTTP/1.1 server on 127.0.0.1, written on a {@link ServerSocket} so that it behaves like
 * Debian's uvicorn 0.17.6 where the JDK's server would not: a request that asks to upgrade (the JDK
 * client's h2c upgrade to HTTP/2) gets 400 "Unsupported upgrade request" and the connection closes.
 * Any other request gets the handler's answer, on a kept-alive connection. Records every request.
 */
final class PlainHttpServer implements AutoCloseable {

    record Request(String method, String target, String version, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    record Reply(int status, String contentType, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of());
        }

        static Reply text(int status, String body) {
            return new Reply(status, "text/plain; charset=utf-8", body, Map.of());
        }
    }

    private final ServerSocket socket;
    private final Function<Request, Reply> handler;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "plain-http-server");
        thread.setDaemon(true);
        return thread;
    });

    private PlainHttpServer(ServerSocket socket, Function<Request, Reply> handler) {
        this.socket = socket;
        this.handler = handler;
    }

    static PlainHttpServer start(Function<Request, Reply> handler) {
        try {
            PlainHttpServer server = new PlainHttpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
            server.connections.execute(server::accept);
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.execute(() -> serve(connection));
            }
            catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            Request request;
            while ((request = read(in)) != null) {
                requests.add(request);
                if (request.header("Upgrade") != null) {
                    write(out, Reply.text(400, "Unsupported upgrade request."), true);
                    return;
                }
                write(out, handler.apply(request), false);
            }
        }
        catch (IOException e) {
            // the client went away
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ", 3);
        Map<String, String> headers = new LinkedHashMap<>();
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Request(parts[0], parts[1], parts[2], headers, body);
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = bytes.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            bytes.write(b);
        }
        return null;
    }

    private static void write(OutputStream out, Reply reply, boolean close) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n".formatted(
                reply.status(), reply.status() < 400 ? "OK" : "Error", reply.contentType(), body.length));
        reply.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append(close ? "Connection: close\r\n\r\n" : "\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.shutdownNow();
    }
}
